"""Django's own strings, and third-party apps', translated in the project's catalogues.

Every msgid below belongs to Django (django.contrib.admin, django.contrib.auth,
django.contrib.contenttypes, the core catalogue in django/conf/locale), to django-otp,
django-axes or django-post-office, not to this project. Django's kk catalogue is incomplete and
partly wrong, and the packages ship none for kk (some none for ru), so the project translates
these strings itself in locale/kk and locale/ru, whose translations take precedence over
Django's and the packages' own. Listing the msgids here is only a way to make `makemessages`
extract them; nothing imports these lists.

Django's msgids are those of Django 6.1's source catalogues (the English ones, which match the
installed code exactly), copied verbatim, so each one is the exact key Django looks up at run
time; the packages' are their source text. Those a package never marks for translation
(OTP_LABELS, the last entries of POST_OFFICE_STRINGS) are looked up by emalu/third_party.py and
emalu/vendor_admin.py. A msgid that occurs in several catalogues is listed once, under the first
list it occurs in.

Notes:
- "Please correct the error below." is listed once, as the admin's plural entry. django-otp's
  login template asks for it as a plain gettext() string; a catalogue cannot hold the same
  msgid both with and without a plural, and Python's gettext answers a singular lookup from
  the plural entry's n=1 form, so one entry serves both.
- The number argument of ngettext_lazy ("count") is only a placeholder: these lazy strings are
  never formatted.
"""

from django.utils.translation import gettext_lazy, ngettext_lazy, pgettext_lazy

__all__ = ["ADMIN_STRINGS", "AUTH_STRINGS", "AXES_STRINGS", "CONTENTTYPES_STRINGS",
           "CORE_STRINGS", "OTP_LABELS", "OTP_STRINGS", "POST_OFFICE_STRINGS",
           "STRINGS"]  # fmt: skip

# 205 entries from django/contrib/admin/locale/*/LC_MESSAGES/django.po (not djangojs)
ADMIN_STRINGS = [
    gettext_lazy("Delete selected %(verbose_name_plural)s"),
    gettext_lazy("Successfully deleted %(count)d %(items)s."),
    gettext_lazy("Cannot delete %(name)s"),
    gettext_lazy("Delete multiple objects"),
    gettext_lazy("Administration"),
    gettext_lazy("All"),
    gettext_lazy("Yes"),
    gettext_lazy("No"),
    gettext_lazy("Unknown"),
    gettext_lazy("Any date"),
    gettext_lazy("Today"),
    gettext_lazy("Past 7 days"),
    gettext_lazy("This month"),
    gettext_lazy("This year"),
    gettext_lazy("No date"),
    gettext_lazy("Has date"),
    gettext_lazy("Empty"),
    gettext_lazy("Not empty"),
    gettext_lazy(
        "Please enter the correct %(username)s and password for a staff account. Note that both "
        "fields may be case-sensitive."
    ),
    gettext_lazy("Action:"),
    gettext_lazy("Add another %(verbose_name)s"),
    gettext_lazy("Remove"),
    gettext_lazy("Addition"),
    gettext_lazy("Change"),
    gettext_lazy("Deletion"),
    gettext_lazy("action time"),
    gettext_lazy("user"),
    gettext_lazy("content type"),
    gettext_lazy("object id"),
    # Translators: 'repr' means representation
    # (https://docs.python.org/library/functions.html#repr)
    gettext_lazy("object repr"),
    gettext_lazy("action flag"),
    gettext_lazy("change message"),
    gettext_lazy("log entry"),
    gettext_lazy("log entries"),
    gettext_lazy("Added “%(object)s”."),
    gettext_lazy("Changed “%(object)s” — %(changes)s"),
    gettext_lazy("Deleted “%(object)s.”"),
    gettext_lazy("LogEntry Object"),
    gettext_lazy("Added {name} “{object}”."),
    gettext_lazy("Added."),
    gettext_lazy("and"),
    gettext_lazy("Changed {fields} for {name} “{object}”."),
    gettext_lazy("Changed {fields}."),
    gettext_lazy("Deleted {name} “{object}”."),
    gettext_lazy("No fields changed."),
    gettext_lazy("None"),
    gettext_lazy("Hold down “Control”, or “Command” on a Mac, to select more than one."),
    gettext_lazy("Select this object for an action - {}"),
    gettext_lazy('The app "%s" could not be found.'),
    gettext_lazy("The {name} “{obj}” was added successfully."),
    gettext_lazy("You may edit it again below."),
    gettext_lazy("The {name} “{obj}” was added successfully. You may add another {name} below."),
    gettext_lazy("The {name} “{obj}” was changed successfully. You may edit it again below."),
    gettext_lazy("The {name} “{obj}” was changed successfully. You may add another {name} below."),
    gettext_lazy("The {name} “{obj}” was changed successfully."),
    gettext_lazy(
        "Items must be selected in order to perform actions on them. No items have been changed."
    ),
    gettext_lazy("No action selected."),
    gettext_lazy("The %(name)s “%(obj)s” was deleted successfully."),
    gettext_lazy("%(name)s with ID “%(key)s” doesn’t exist. Perhaps it was deleted?"),
    gettext_lazy("Add %s"),
    gettext_lazy("Change %s"),
    gettext_lazy("View %s"),
    ngettext_lazy(
        "%(count)s %(name)s was changed successfully.",
        "%(count)s %(name)s were changed successfully.",
        "count",
    ),
    gettext_lazy("Database error"),
    ngettext_lazy("%(total_count)s selected", "All %(total_count)s selected", "count"),
    gettext_lazy("0 of %(cnt)s selected"),
    gettext_lazy("Delete"),
    gettext_lazy("Change history: %s"),
    # Translators: Model verbose name and instance
    # representation, suitable to be an item in a
    # list.
    gettext_lazy("%(class_name)s %(instance)s"),
    # Translators: This string is used as a
    # separator between list elements.
    gettext_lazy(", "),
    ngettext_lazy("…and %(count)d more object.", "…and %(count)d more objects.", "count"),
    gettext_lazy(
        "Deleting %(class_name)s %(instance)s would require deleting the following protected "
        "related objects: %(related_objects)s"
    ),
    gettext_lazy("Django site admin"),
    gettext_lazy("Django administration"),
    gettext_lazy("Site administration"),
    gettext_lazy("Log in"),
    gettext_lazy("%(app)s administration"),
    gettext_lazy("Page not found"),
    gettext_lazy("We’re sorry, but the requested page could not be found."),
    gettext_lazy("Home"),
    gettext_lazy("Server error"),
    gettext_lazy("Server error (500)"),
    gettext_lazy("Server Error <em>(500)</em>"),
    gettext_lazy(
        "There’s been an error. It’s been reported to the site administrators via email and should "
        "be fixed shortly. Thanks for your patience."
    ),
    gettext_lazy("Run"),
    gettext_lazy("Select all %(total_count)s %(module_name)s"),
    gettext_lazy("Clear selection"),
    gettext_lazy("Breadcrumbs"),
    gettext_lazy("Model name"),
    gettext_lazy("Add link"),
    gettext_lazy("Change or view list link"),
    gettext_lazy("Add"),
    gettext_lazy("View"),
    gettext_lazy("You don’t have permission to view or edit anything."),
    gettext_lazy("After you’ve created a user, you’ll be able to edit more user options."),
    gettext_lazy("Error:"),
    gettext_lazy("Change password"),
    gettext_lazy("Set password"),
    ngettext_lazy("Please correct the error below.", "Please correct the errors below.", "count"),
    gettext_lazy("Enter a new password for the user <strong>%(username)s</strong>."),
    gettext_lazy(
        "This action will <strong>enable</strong> password-based authentication for this user."
    ),
    gettext_lazy("Disable password-based authentication"),
    gettext_lazy("Enable password-based authentication"),
    gettext_lazy("Skip to main content"),
    gettext_lazy("Welcome,"),
    gettext_lazy("View site"),
    gettext_lazy("Documentation"),
    gettext_lazy("Log out"),
    gettext_lazy("Add %(name)s"),
    gettext_lazy("History"),
    gettext_lazy("View on site"),
    gettext_lazy("Filter"),
    gettext_lazy("Hide counts"),
    gettext_lazy("Show counts"),
    gettext_lazy("Clear all filters"),
    gettext_lazy("Save"),
    gettext_lazy("Remove from sorting"),
    gettext_lazy("Sorting priority: %(priority_number)s"),
    gettext_lazy("Toggle sorting"),
    gettext_lazy("Toggle theme (current theme: auto)"),
    gettext_lazy("Toggle theme (current theme: light)"),
    gettext_lazy("Toggle theme (current theme: dark)"),
    gettext_lazy("Filter by %(field_name)s"),
    gettext_lazy(
        "Deleting the %(object_name)s “%(escaped_object)s” would result in deleting related "
        "objects, but your account doesn't have permission to delete the following types of "
        "objects:"
    ),
    gettext_lazy(
        "Deleting the %(object_name)s “%(escaped_object)s” would require deleting the following "
        "protected related objects:"
    ),
    gettext_lazy(
        "Are you sure you want to delete the %(object_name)s “%(escaped_object)s”? All of the "
        "following related items will be deleted:"
    ),
    gettext_lazy("Objects"),
    gettext_lazy("Yes, I’m sure"),
    gettext_lazy("No, take me back"),
    gettext_lazy(
        "Deleting the selected %(objects_name)s would result in deleting related objects, but your "
        "account doesn't have permission to delete the following types of objects:"
    ),
    gettext_lazy(
        "Deleting the selected %(objects_name)s would require deleting the following protected "
        "related objects:"
    ),
    gettext_lazy(
        "Are you sure you want to delete the selected %(objects_name)s? All of the following "
        "objects and their related items will be deleted:"
    ),
    gettext_lazy("Delete?"),
    gettext_lazy(" By %(filter_title)s "),
    gettext_lazy("Summary"),
    gettext_lazy("Recent actions"),
    gettext_lazy("My actions"),
    gettext_lazy("None available"),
    gettext_lazy("Added:"),
    gettext_lazy("Changed:"),
    gettext_lazy("Deleted:"),
    gettext_lazy("Unknown content"),
    gettext_lazy(
        "Something’s wrong with your database installation. Make sure the appropriate database "
        "tables have been created, and make sure the database is readable by the appropriate user."
    ),
    gettext_lazy(
        "You are authenticated as %(username)s, but are not authorized to access this page. Would "
        "you like to login to a different account?"
    ),
    gettext_lazy("Forgotten your login credentials?"),
    gettext_lazy("Toggle navigation"),
    gettext_lazy("Sidebar"),
    gettext_lazy("Start typing to filter…"),
    gettext_lazy("Filter navigation items"),
    gettext_lazy("Date/time"),
    gettext_lazy("User"),
    gettext_lazy("Action"),
    gettext_lazy("Pagination %(name)s entries"),
    ngettext_lazy("entry", "entries", "count"),
    gettext_lazy(
        "This object doesn’t have a change history. It probably wasn’t added via this admin site."
    ),
    gettext_lazy("Pagination %(name)s"),
    gettext_lazy("Show all"),
    gettext_lazy("Popup closing…"),
    gettext_lazy("Search %(name)s"),
    gettext_lazy("Search"),
    ngettext_lazy("%(counter)s result", "%(counter)s results", "count"),
    gettext_lazy("%(full_result_count)s total"),
    gettext_lazy("Save as new"),
    gettext_lazy("Save and add another"),
    gettext_lazy("Save and continue editing"),
    gettext_lazy("Save and view"),
    gettext_lazy("Close"),
    gettext_lazy("Change selected %(model)s"),
    gettext_lazy("Add another %(model)s"),
    gettext_lazy("Delete selected %(model)s"),
    gettext_lazy("View selected %(model)s"),
    gettext_lazy("Logout"),
    gettext_lazy("Thanks for spending some quality time with the web site today."),
    gettext_lazy("Log in again"),
    gettext_lazy("Password change"),
    gettext_lazy("Your password was changed."),
    gettext_lazy(
        "Please enter your old password, for security’s sake, and then enter your new password "
        "twice so we can verify you typed it in correctly."
    ),
    gettext_lazy("Change my password"),
    gettext_lazy("Password reset"),
    gettext_lazy("Your password has been set.  You may go ahead and log in now."),
    gettext_lazy("Password reset confirmation"),
    gettext_lazy(
        "Please enter your new password twice so we can verify you typed it in correctly."
    ),
    gettext_lazy("New password:"),
    gettext_lazy("Confirm password:"),
    gettext_lazy(
        "The password reset link was invalid, possibly because it has already been used.  Please "
        "request a new password reset."
    ),
    gettext_lazy(
        "We’ve emailed you instructions for setting your password, if an account exists with the "
        "email you entered. You should receive them shortly."
    ),
    gettext_lazy(
        "If you don’t receive an email, please make sure you’ve entered the address you registered "
        "with, and check your spam folder."
    ),
    gettext_lazy(
        "You're receiving this email because you requested a password reset for your user account "
        "at %(site_name)s."
    ),
    gettext_lazy("Please go to the following page and choose a new password:"),
    gettext_lazy("In case you’ve forgotten, you are:"),
    gettext_lazy("Thanks for using our site!"),
    gettext_lazy("The %(site_name)s team"),
    gettext_lazy(
        "Forgotten your password? Enter your email address below, and we’ll email instructions for "
        "setting a new one."
    ),
    gettext_lazy("Email address:"),
    gettext_lazy("Reset my password"),
    gettext_lazy("Select all objects on this page for an action"),
    gettext_lazy("All dates"),
    gettext_lazy("Select %s"),
    gettext_lazy("Select %s to change"),
    gettext_lazy("Select %s to view"),
    gettext_lazy("Date:"),
    gettext_lazy("Time:"),
    gettext_lazy("Lookup"),
    gettext_lazy("Currently:"),
    gettext_lazy("Change:"),
]

# 84 entries from django/contrib/auth/locale/*/LC_MESSAGES/django.po
AUTH_STRINGS = [
    gettext_lazy("Personal info"),
    gettext_lazy("Permissions"),
    gettext_lazy("Important dates"),
    gettext_lazy("%(name)s object with primary key %(key)r does not exist."),
    gettext_lazy("Conflicting form data submitted. Please try again."),
    gettext_lazy("Password changed successfully."),
    gettext_lazy("Password-based authentication was disabled."),
    gettext_lazy("Change password: %s"),
    gettext_lazy("Set password: %s"),
    gettext_lazy("Authentication and Authorization"),
    gettext_lazy("password"),
    gettext_lazy("last login"),
    gettext_lazy("Reset password"),
    gettext_lazy("The two password fields didn’t match."),
    gettext_lazy("Password"),
    gettext_lazy("Password confirmation"),
    gettext_lazy("Enter the same password as before, for verification."),
    gettext_lazy(
        "Whether the user will be able to authenticate using a password or not. If disabled, they "
        "may still be able to authenticate using other backends, such as Single Sign-On or LDAP."
    ),
    gettext_lazy("Password-based authentication"),
    gettext_lazy("Enabled"),
    gettext_lazy("Disabled"),
    gettext_lazy("Raw passwords are not stored, so there is no way to see the user’s password."),
    gettext_lazy("Enable password-based authentication for this user by setting a password."),
    gettext_lazy(
        "Please enter a correct %(username)s and password. Note that both fields may be "
        "case-sensitive."
    ),
    gettext_lazy("This account is inactive."),
    gettext_lazy("Email"),
    gettext_lazy("New password"),
    gettext_lazy("New password confirmation"),
    gettext_lazy("Your old password was entered incorrectly. Please enter it again."),
    gettext_lazy("Old password"),
    gettext_lazy("algorithm"),
    gettext_lazy("iterations"),
    gettext_lazy("salt"),
    gettext_lazy("hash"),
    gettext_lazy("variety"),
    gettext_lazy("version"),
    gettext_lazy("memory cost"),
    gettext_lazy("time cost"),
    gettext_lazy("parallelism"),
    gettext_lazy("work factor"),
    gettext_lazy("checksum"),
    gettext_lazy("block size"),
    gettext_lazy("name"),
    gettext_lazy("codename"),
    gettext_lazy("permission"),
    gettext_lazy("permissions"),
    gettext_lazy("group"),
    gettext_lazy("groups"),
    gettext_lazy("superuser status"),
    gettext_lazy(
        "Designates that this user has all permissions without explicitly assigning them."
    ),
    gettext_lazy(
        "The groups this user belongs to. A user will get all permissions granted to each of their "
        "groups."
    ),
    gettext_lazy("user permissions"),
    gettext_lazy("Specific permissions for this user."),
    gettext_lazy("username"),
    gettext_lazy("Required. 150 characters or fewer. Letters, digits and @/./+/-/_ only."),
    gettext_lazy("A user with that username already exists."),
    gettext_lazy("first name"),
    gettext_lazy("last name"),
    gettext_lazy("email address"),
    gettext_lazy("staff status"),
    gettext_lazy("Designates whether the user can log into this admin site."),
    gettext_lazy("active"),
    gettext_lazy(
        "Designates whether this user should be treated as active. Unselect this instead of "
        "deleting accounts."
    ),
    gettext_lazy("date joined"),
    gettext_lazy("users"),
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        "count",
    ),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        "count",
    ),
    gettext_lazy("The password is too similar to the %(verbose_name)s."),
    gettext_lazy("Your password can’t be too similar to your other personal information."),
    gettext_lazy("This password is too common."),
    gettext_lazy("Your password can’t be a commonly used password."),
    gettext_lazy("This password is entirely numeric."),
    gettext_lazy("Your password can’t be entirely numeric."),
    gettext_lazy("Password reset on %(site_name)s"),
    gettext_lazy("No password set."),
    gettext_lazy("Invalid password format or unknown hashing algorithm."),
    gettext_lazy(
        "Enter a valid username. This value may contain only unaccented lowercase a-z and "
        "uppercase A-Z letters, numbers, and @/./+/-/_ characters."
    ),
    gettext_lazy(
        "Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ "
        "characters."
    ),
    gettext_lazy("Logged out"),
    gettext_lazy("Password reset sent"),
    gettext_lazy("Enter new password"),
    gettext_lazy("Password reset unsuccessful"),
    gettext_lazy("Password reset complete"),
    gettext_lazy("Password change successful"),
]

# 349 entries from django/conf/locale/*/LC_MESSAGES/django.po (the whole core catalogue)
CORE_STRINGS = [
    gettext_lazy("Afrikaans"),
    gettext_lazy("Arabic"),
    gettext_lazy("Algerian Arabic"),
    gettext_lazy("Asturian"),
    gettext_lazy("Azerbaijani"),
    gettext_lazy("Bulgarian"),
    gettext_lazy("Belarusian"),
    gettext_lazy("Bengali"),
    gettext_lazy("Breton"),
    gettext_lazy("Bosnian"),
    gettext_lazy("Catalan"),
    gettext_lazy("Central Kurdish (Sorani)"),
    gettext_lazy("Czech"),
    gettext_lazy("Welsh"),
    gettext_lazy("Danish"),
    gettext_lazy("German"),
    gettext_lazy("Lower Sorbian"),
    gettext_lazy("Greek"),
    gettext_lazy("English"),
    gettext_lazy("Australian English"),
    gettext_lazy("British English"),
    gettext_lazy("Esperanto"),
    gettext_lazy("Spanish"),
    gettext_lazy("Argentinian Spanish"),
    gettext_lazy("Colombian Spanish"),
    gettext_lazy("Mexican Spanish"),
    gettext_lazy("Nicaraguan Spanish"),
    gettext_lazy("Venezuelan Spanish"),
    gettext_lazy("Estonian"),
    gettext_lazy("Basque"),
    gettext_lazy("Persian"),
    gettext_lazy("Finnish"),
    gettext_lazy("French"),
    gettext_lazy("Frisian"),
    gettext_lazy("Irish"),
    gettext_lazy("Scottish Gaelic"),
    gettext_lazy("Galician"),
    gettext_lazy("Hebrew"),
    gettext_lazy("Hindi"),
    gettext_lazy("Croatian"),
    gettext_lazy("Upper Sorbian"),
    gettext_lazy("Haitian Creole"),
    gettext_lazy("Hungarian"),
    gettext_lazy("Armenian"),
    gettext_lazy("Interlingua"),
    gettext_lazy("Indonesian"),
    gettext_lazy("Igbo"),
    gettext_lazy("Ido"),
    gettext_lazy("Icelandic"),
    gettext_lazy("Italian"),
    gettext_lazy("Japanese"),
    gettext_lazy("Georgian"),
    gettext_lazy("Kabyle"),
    gettext_lazy("Kazakh"),
    gettext_lazy("Khmer"),
    gettext_lazy("Kannada"),
    gettext_lazy("Korean"),
    gettext_lazy("Kyrgyz"),
    gettext_lazy("Luxembourgish"),
    gettext_lazy("Lithuanian"),
    gettext_lazy("Latvian"),
    gettext_lazy("Macedonian"),
    gettext_lazy("Malayalam"),
    gettext_lazy("Mongolian"),
    gettext_lazy("Marathi"),
    gettext_lazy("Malay"),
    gettext_lazy("Burmese"),
    gettext_lazy("Norwegian Bokmål"),
    gettext_lazy("Nepali"),
    gettext_lazy("Dutch"),
    gettext_lazy("Norwegian Nynorsk"),
    gettext_lazy("Ossetic"),
    gettext_lazy("Punjabi"),
    gettext_lazy("Polish"),
    gettext_lazy("Portuguese"),
    gettext_lazy("Brazilian Portuguese"),
    gettext_lazy("Romanian"),
    gettext_lazy("Russian"),
    gettext_lazy("Slovak"),
    gettext_lazy("Slovenian"),
    gettext_lazy("Albanian"),
    gettext_lazy("Serbian"),
    gettext_lazy("Serbian Latin"),
    gettext_lazy("Swedish"),
    gettext_lazy("Swahili"),
    gettext_lazy("Tamil"),
    gettext_lazy("Telugu"),
    gettext_lazy("Tajik"),
    gettext_lazy("Thai"),
    gettext_lazy("Turkmen"),
    gettext_lazy("Turkish"),
    gettext_lazy("Tatar"),
    gettext_lazy("Udmurt"),
    gettext_lazy("Uyghur"),
    gettext_lazy("Ukrainian"),
    gettext_lazy("Urdu"),
    gettext_lazy("Uzbek"),
    gettext_lazy("Vietnamese"),
    gettext_lazy("Simplified Chinese"),
    gettext_lazy("Traditional Chinese"),
    gettext_lazy("Messages"),
    gettext_lazy("Site Maps"),
    gettext_lazy("Static Files"),
    gettext_lazy("Syndication"),
    # Translators: String used to replace omitted page numbers in elided page
    # range generated by paginators, e.g. [1, 2, '…', 5, 6, 7, '…', 9, 10].
    gettext_lazy("…"),
    gettext_lazy("That page number is not an integer"),
    gettext_lazy("That page number is less than 1"),
    gettext_lazy("That page contains no results"),
    gettext_lazy("Enter a valid value."),
    gettext_lazy("Enter a valid domain name."),
    gettext_lazy("Enter a valid URL."),
    gettext_lazy("Enter a valid integer."),
    gettext_lazy("Enter a valid email address."),
    # Translators: "letters" means latin letters: a-z and A-Z.
    gettext_lazy("Enter a valid “slug” consisting of letters, numbers, underscores or hyphens."),
    gettext_lazy(
        "Enter a valid “slug” consisting of Unicode letters, numbers, underscores, or hyphens."
    ),
    gettext_lazy("Enter a valid %(protocol)s address."),
    gettext_lazy("IPv4"),
    gettext_lazy("IPv6"),
    gettext_lazy("IPv4 or IPv6"),
    gettext_lazy("Enter only digits separated by commas."),
    gettext_lazy("Ensure this value is %(limit_value)s (it is %(show_value)s)."),
    gettext_lazy("Ensure this value is less than or equal to %(limit_value)s."),
    gettext_lazy("Ensure this value is greater than or equal to %(limit_value)s."),
    gettext_lazy("Ensure this value is a multiple of step size %(limit_value)s."),
    gettext_lazy(
        "Ensure this value is a multiple of step size %(limit_value)s, starting from %(offset)s, "
        "e.g. %(offset)s, %(valid_value1)s, %(valid_value2)s, and so on."
    ),
    ngettext_lazy(
        "Ensure this value has at least %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at least %(limit_value)d characters (it has %(show_value)d).",
        "count",
    ),
    ngettext_lazy(
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
        "count",
    ),
    gettext_lazy("Enter a number."),
    ngettext_lazy(
        "Ensure that there are no more than %(max)s digit in total.",
        "Ensure that there are no more than %(max)s digits in total.",
        "count",
    ),
    ngettext_lazy(
        "Ensure that there are no more than %(max)s decimal place.",
        "Ensure that there are no more than %(max)s decimal places.",
        "count",
    ),
    ngettext_lazy(
        "Ensure that there are no more than %(max)s digit before the decimal point.",
        "Ensure that there are no more than %(max)s digits before the decimal point.",
        "count",
    ),
    gettext_lazy(
        "File extension “%(extension)s” is not allowed. Allowed extensions are: "
        "%(allowed_extensions)s."
    ),
    gettext_lazy("Null characters are not allowed."),
    gettext_lazy("%(model_name)s with this %(field_labels)s already exists."),
    gettext_lazy("Constraint “%(name)s” is violated."),
    gettext_lazy("- Select an option -"),
    gettext_lazy("Value %(value)r is not a valid choice."),
    gettext_lazy("This field cannot be null."),
    gettext_lazy("This field cannot be blank."),
    gettext_lazy("%(model_name)s with this %(field_label)s already exists."),
    # Translators: The 'lookup_type' is one of 'date', 'year' or
    # 'month'. Eg: "Title must be unique for pub_date year"
    gettext_lazy("%(field_label)s must be unique for %(date_field_label)s %(lookup_type)s."),
    gettext_lazy("Field of type: %(field_type)s"),
    gettext_lazy("“%(value)s” value must be either True or False."),
    gettext_lazy("“%(value)s” value must be either True, False, or None."),
    gettext_lazy("Boolean (Either True or False)"),
    gettext_lazy("String (up to %(max_length)s)"),
    gettext_lazy("String (unlimited)"),
    gettext_lazy("Comma-separated integers"),
    gettext_lazy("“%(value)s” value has an invalid date format. It must be in YYYY-MM-DD format."),
    gettext_lazy(
        "“%(value)s” value has the correct format (YYYY-MM-DD) but it is an invalid date."
    ),
    gettext_lazy("Date (without time)"),
    gettext_lazy(
        "“%(value)s” value has an invalid format. It must be in YYYY-MM-DD HH:MM[:ss[.uuuuuu]][TZ] "
        "format."
    ),
    gettext_lazy(
        "“%(value)s” value has the correct format (YYYY-MM-DD HH:MM[:ss[.uuuuuu]][TZ]) but it is "
        "an invalid date/time."
    ),
    gettext_lazy("Date (with time)"),
    gettext_lazy("“%(value)s” value must be a decimal number."),
    gettext_lazy("Decimal number"),
    gettext_lazy(
        "“%(value)s” value has an invalid format. It must be in [DD] [[HH:]MM:]ss[.uuuuuu] format."
    ),
    gettext_lazy("Duration"),
    gettext_lazy("Email address"),
    gettext_lazy("File path"),
    gettext_lazy("“%(value)s” value must be a float."),
    gettext_lazy("Floating point number"),
    gettext_lazy("“%(value)s” value must be an integer."),
    gettext_lazy("Integer"),
    gettext_lazy("Big (8 byte) integer"),
    gettext_lazy("Small integer"),
    gettext_lazy("IPv4 address"),
    gettext_lazy("IP address"),
    gettext_lazy("“%(value)s” value must be either None, True or False."),
    gettext_lazy("Boolean (Either True, False or None)"),
    gettext_lazy("Positive big integer"),
    gettext_lazy("Positive integer"),
    gettext_lazy("Positive small integer"),
    gettext_lazy("Slug (up to %(max_length)s)"),
    gettext_lazy("Text"),
    gettext_lazy(
        "“%(value)s” value has an invalid format. It must be in HH:MM[:ss[.uuuuuu]] format."
    ),
    gettext_lazy(
        "“%(value)s” value has the correct format (HH:MM[:ss[.uuuuuu]]) but it is an invalid time."
    ),
    gettext_lazy("Time"),
    gettext_lazy("URL"),
    gettext_lazy("Raw binary data"),
    gettext_lazy("“%(value)s” is not a valid binary value."),
    gettext_lazy("“%(value)s” is not a valid UUID."),
    gettext_lazy("Universally unique identifier"),
    gettext_lazy("File"),
    gettext_lazy("Image"),
    gettext_lazy("A JSON object"),
    gettext_lazy("Value must be valid JSON."),
    gettext_lazy("%(model)s instance with %(field)s %(value)r is not a valid choice."),
    gettext_lazy("Foreign Key (type determined by related field)"),
    gettext_lazy("One-to-one relationship"),
    gettext_lazy("%(from)s-%(to)s relationship"),
    gettext_lazy("%(from)s-%(to)s relationships"),
    gettext_lazy("Many-to-many relationship"),
    # Translators: If found as last label character, these punctuation
    # characters will prevent the default label_suffix to be appended to
    # the label
    gettext_lazy(":?.!"),
    gettext_lazy("This field is required."),
    gettext_lazy("Enter a whole number."),
    gettext_lazy("Enter a valid date."),
    gettext_lazy("Enter a valid time."),
    gettext_lazy("Enter a valid date/time."),
    gettext_lazy("Enter a valid duration."),
    gettext_lazy("The number of days must be between {min_days} and {max_days}."),
    gettext_lazy("No file was submitted. Check the encoding type on the form."),
    gettext_lazy("No file was submitted."),
    gettext_lazy("The submitted file is empty."),
    ngettext_lazy(
        "Ensure this filename has at most %(max)d character (it has %(length)d).",
        "Ensure this filename has at most %(max)d characters (it has %(length)d).",
        "count",
    ),
    gettext_lazy("Please either submit a file or check the clear checkbox, not both."),
    gettext_lazy(
        "Upload a valid image. The file you uploaded was either not an image or a corrupted image."
    ),
    gettext_lazy("Select a valid choice. %(value)s is not one of the available choices."),
    gettext_lazy("Enter a list of values."),
    gettext_lazy("Enter a complete value."),
    gettext_lazy("Enter a valid UUID."),
    gettext_lazy("Enter a valid JSON."),
    # Translators: This is the default suffix added to form field labels
    gettext_lazy(":"),
    gettext_lazy("(Hidden field %(name)s) %(error)s"),
    gettext_lazy(
        "ManagementForm data is missing or has been tampered with. Missing fields: "
        "%(field_names)s. You may need to file a bug report if the issue persists."
    ),
    ngettext_lazy(
        "Please submit at most %(num)d form.",
        "Please submit at most %(num)d forms.",
        "count",
    ),
    ngettext_lazy(
        "Please submit at least %(num)d form.",
        "Please submit at least %(num)d forms.",
        "count",
    ),
    gettext_lazy("Order"),
    gettext_lazy("Please correct the duplicate data for %(field)s."),
    gettext_lazy("Please correct the duplicate data for %(field)s, which must be unique."),
    gettext_lazy(
        "Please correct the duplicate data for %(field_name)s which must be unique for the "
        "%(lookup)s in %(date_field)s."
    ),
    gettext_lazy("Please correct the duplicate values below."),
    gettext_lazy("The inline value did not match the parent instance."),
    gettext_lazy("Select a valid choice. That choice is not one of the available choices."),
    gettext_lazy("“%(pk)s” is not a valid value."),
    gettext_lazy(
        "%(datetime)s couldn’t be interpreted in time zone %(current_timezone)s; it may be "
        "ambiguous or it may not exist."
    ),
    gettext_lazy("Clear"),
    gettext_lazy("Currently"),
    # Translators: %s is the name of a model, e.g. "No City matches the
    # given query."
    gettext_lazy("No %s matches the given query."),
    pgettext_lazy("Task", "Ready"),
    pgettext_lazy("Task", "Running"),
    pgettext_lazy("Task", "Failed"),
    pgettext_lazy("Task", "Successful"),
    # Translators: Please do not add spaces around commas.
    gettext_lazy("yes,no,maybe"),
    ngettext_lazy("%(size)d byte", "%(size)d bytes", "count"),
    gettext_lazy("%s KB"),
    gettext_lazy("%s MB"),
    gettext_lazy("%s GB"),
    gettext_lazy("%s TB"),
    gettext_lazy("%s PB"),
    gettext_lazy("p.m."),
    gettext_lazy("a.m."),
    gettext_lazy("PM"),
    gettext_lazy("AM"),
    gettext_lazy("midnight"),
    gettext_lazy("noon"),
    gettext_lazy("Monday"),
    gettext_lazy("Tuesday"),
    gettext_lazy("Wednesday"),
    gettext_lazy("Thursday"),
    gettext_lazy("Friday"),
    gettext_lazy("Saturday"),
    gettext_lazy("Sunday"),
    gettext_lazy("Mon"),
    gettext_lazy("Tue"),
    gettext_lazy("Wed"),
    gettext_lazy("Thu"),
    gettext_lazy("Fri"),
    gettext_lazy("Sat"),
    gettext_lazy("Sun"),
    gettext_lazy("January"),
    gettext_lazy("February"),
    gettext_lazy("March"),
    gettext_lazy("April"),
    gettext_lazy("May"),
    gettext_lazy("June"),
    gettext_lazy("July"),
    gettext_lazy("August"),
    gettext_lazy("September"),
    gettext_lazy("October"),
    gettext_lazy("November"),
    gettext_lazy("December"),
    gettext_lazy("jan"),
    gettext_lazy("feb"),
    gettext_lazy("mar"),
    gettext_lazy("apr"),
    gettext_lazy("may"),
    gettext_lazy("jun"),
    gettext_lazy("jul"),
    gettext_lazy("aug"),
    gettext_lazy("sep"),
    gettext_lazy("oct"),
    gettext_lazy("nov"),
    gettext_lazy("dec"),
    pgettext_lazy("abbrev. month", "Jan."),
    pgettext_lazy("abbrev. month", "Feb."),
    pgettext_lazy("abbrev. month", "March"),
    pgettext_lazy("abbrev. month", "April"),
    pgettext_lazy("abbrev. month", "May"),
    pgettext_lazy("abbrev. month", "June"),
    pgettext_lazy("abbrev. month", "July"),
    pgettext_lazy("abbrev. month", "Aug."),
    pgettext_lazy("abbrev. month", "Sept."),
    pgettext_lazy("abbrev. month", "Oct."),
    pgettext_lazy("abbrev. month", "Nov."),
    pgettext_lazy("abbrev. month", "Dec."),
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
    gettext_lazy("This is not a valid IPv6 address."),
    pgettext_lazy("String to return when truncating text", "%(truncated_text)s…"),
    gettext_lazy("or"),
    ngettext_lazy("%(num)d year", "%(num)d years", "count"),
    ngettext_lazy("%(num)d month", "%(num)d months", "count"),
    ngettext_lazy("%(num)d week", "%(num)d weeks", "count"),
    ngettext_lazy("%(num)d day", "%(num)d days", "count"),
    ngettext_lazy("%(num)d hour", "%(num)d hours", "count"),
    ngettext_lazy("%(num)d minute", "%(num)d minutes", "count"),
    gettext_lazy("Forbidden"),
    gettext_lazy("CSRF verification failed. Request aborted."),
    gettext_lazy(
        "You are seeing this message because this HTTPS site requires a “Referer header” to be "
        "sent by your web browser, but none was sent. This header is required for security "
        "reasons, to ensure that your browser is not being hijacked by third parties."
    ),
    gettext_lazy(
        "If you have configured your browser to disable “Referer” headers, please re-enable them, "
        "at least for this site, or for HTTPS connections, or for “same-origin” requests."
    ),
    gettext_lazy(
        'If you are using the <meta name="referrer" content="no-referrer"> tag or including the '
        "“Referrer-Policy: no-referrer” header, please remove them. The CSRF protection requires "
        "the “Referer” header to do strict referer checking. If you’re concerned about privacy, "
        'use alternatives like <a rel="noreferrer" …> for links to third-party sites.'
    ),
    gettext_lazy(
        "You are seeing this message because this site requires a CSRF cookie when submitting "
        "forms. This cookie is required for security reasons, to ensure that your browser is not "
        "being hijacked by third parties."
    ),
    gettext_lazy(
        "If you have configured your browser to disable cookies, please re-enable them, at least "
        "for this site, or for “same-origin” requests."
    ),
    gettext_lazy("More information is available with DEBUG=True."),
    gettext_lazy("No year specified"),
    gettext_lazy("Date out of range"),
    gettext_lazy("No month specified"),
    gettext_lazy("No day specified"),
    gettext_lazy("No week specified"),
    gettext_lazy("No %(verbose_name_plural)s available"),
    gettext_lazy(
        "Future %(verbose_name_plural)s not available because %(class_name)s.allow_future is False."
    ),
    gettext_lazy("Invalid date string “%(datestr)s” given format “%(format)s”"),
    gettext_lazy("No %(verbose_name)s found matching the query"),
    gettext_lazy("Page is not “last”, nor can it be converted to an int."),
    gettext_lazy("Invalid page (%(page_number)s): %(message)s"),
    gettext_lazy("Empty list and “%(class_name)s.allow_empty” is False."),
    gettext_lazy("Directory indexes are not allowed here."),
    gettext_lazy("“%(path)s” does not exist"),
    gettext_lazy("Index of %(directory)s"),
    gettext_lazy("The install worked successfully! Congratulations!"),
    gettext_lazy(
        'View <a href="https://docs.djangoproject.com/en/%(version)s/releases/" target="_blank" '
        'rel="noopener">release notes</a> for Django %(version)s'
    ),
    gettext_lazy(
        "You are seeing this page because <a "
        'href="https://docs.djangoproject.com/en/%(version)s/ref/settings/#debug" target="_blank" '
        'rel="noopener">DEBUG=True</a> is in your settings file and you have not configured any '
        "URLs."
    ),
    gettext_lazy("Django Documentation"),
    gettext_lazy("Topics, references, &amp; how-to’s"),
    gettext_lazy("Tutorial: A Polling App"),
    gettext_lazy("Get started with Django"),
    gettext_lazy("Django Community"),
    gettext_lazy("Connect, get help, or contribute"),
]

# 16 entries from django_otp/locale/*/LC_MESSAGES/django.po and django_otp/forms.py
OTP_STRINGS = [
    gettext_lazy("Please enter your OTP token."),
    gettext_lazy("Error generating challenge: {0}"),
    gettext_lazy("The selected OTP device is not interactive"),
    gettext_lazy("OTP Challenge: {0}"),
    gettext_lazy("Invalid token. Please make sure you have entered it correctly."),
    ngettext_lazy(
        "Verification temporarily disabled because of %(failure_count)d failed attempt, please "
        "try again soon.",
        "Verification temporarily disabled because of %(failure_count)d failed attempts, please "
        "try again soon.",
        "count",
    ),
    gettext_lazy("Verification of the token is currently disabled"),
    gettext_lazy(
        "Token generation cooldown period has not expired yet. Next generation allowed %s."
    ),
    gettext_lazy("Token generation is not allowed at this time"),
    gettext_lazy("sent by email"),
    gettext_lazy("Please correct the errors below."),
    gettext_lazy("OTP Device:"),
    gettext_lazy("OTP Token:"),
    gettext_lazy("Forgotten your password or username?"),
    gettext_lazy("Get OTP Challenge"),
    gettext_lazy("Please select a device."),
]

# 3 entries from django/contrib/contenttypes/locale/*/LC_MESSAGES/django.po (named in the
# permissions' labels)
CONTENTTYPES_STRINGS = [
    gettext_lazy("Content Types"),
    gettext_lazy("content type"),
    gettext_lazy("content types"),
]

# 27 entries from django-axes (axes/models.py, axes/admin.py)
AXES_STRINGS = [
    gettext_lazy("Locked Out"),
    gettext_lazy("Form Data"),
    gettext_lazy("Meta Data"),
    gettext_lazy("Not set"),
    gettext_lazy("User Agent"),
    gettext_lazy("IP Address"),
    gettext_lazy("Username"),
    gettext_lazy("HTTP Accept"),
    gettext_lazy("Path"),
    gettext_lazy("Attempt Time"),
    gettext_lazy("Access lock out"),
    gettext_lazy("access failure"),
    gettext_lazy("access failures"),
    gettext_lazy("GET Data"),
    gettext_lazy("POST Data"),
    gettext_lazy("Failed Logins"),
    gettext_lazy("access attempt"),
    gettext_lazy("access attempts"),
    gettext_lazy("Access Attempt"),
    gettext_lazy("Expires At"),
    gettext_lazy("The time when access attempt expires and is no longer valid."),
    gettext_lazy("access attempt expiration"),
    gettext_lazy("access attempt expirations"),
    gettext_lazy("Logout Time"),
    gettext_lazy("Session key hash (sha256)"),
    gettext_lazy("access log"),
    gettext_lazy("access logs"),
]

# 67 entries from django-post-office (post_office/models.py, admin.py, fields.py, templates)
POST_OFFICE_STRINGS = [
    gettext_lazy("To"),
    gettext_lazy("Subject"),
    gettext_lazy("Use Template"),
    gettext_lazy("HTML Email"),
    gettext_lazy("Text Email"),
    gettext_lazy("Mail Body"),
    gettext_lazy("HTML Body"),
    gettext_lazy("Preview"),
    gettext_lazy("Language"),
    gettext_lazy("Render template in alternative language"),
    gettext_lazy("Description"),
    gettext_lazy("Comma-separated emails"),
    gettext_lazy("Only comma separated emails are allowed."),
    gettext_lazy("Accepted"),
    gettext_lazy("Delivered"),
    gettext_lazy("Opened"),
    gettext_lazy("Clicked"),
    gettext_lazy("Deferred"),
    gettext_lazy("Soft Bounced"),
    gettext_lazy("Undetermined Bounced"),
    gettext_lazy("Hard Bounced"),
    gettext_lazy("Spam Complaint"),
    gettext_lazy("Unsubscribed"),
    gettext_lazy("low"),
    gettext_lazy("medium"),
    gettext_lazy("high"),
    gettext_lazy("now"),
    gettext_lazy("sent"),
    gettext_lazy("failed"),
    gettext_lazy("queued"),
    gettext_lazy("requeued"),
    gettext_lazy("Email From"),
    gettext_lazy("Email To"),
    gettext_lazy("Cc"),
    gettext_lazy("Bcc"),
    gettext_lazy("Message"),
    gettext_lazy("HTML Message"),
    gettext_lazy("Status"),
    gettext_lazy("Recipient Delivery Status"),
    gettext_lazy("Priority"),
    gettext_lazy("Scheduled Time"),
    gettext_lazy("The scheduled sending time"),
    gettext_lazy("Expires"),
    gettext_lazy("Email won't be sent after this timestamp"),
    gettext_lazy("Headers"),
    gettext_lazy("Email template"),
    gettext_lazy("Context"),
    gettext_lazy("Backend alias"),
    pgettext_lazy("Email address", "Email"),
    pgettext_lazy("Email addresses", "Emails"),
    gettext_lazy("The scheduled time may not be later than the expires time."),
    gettext_lazy("Exception type"),
    gettext_lazy("Log"),
    gettext_lazy("Logs"),
    gettext_lazy("Name"),
    gettext_lazy("e.g: 'welcome_email'"),
    gettext_lazy("Description of this template."),
    gettext_lazy("Content"),
    gettext_lazy("HTML content"),
    gettext_lazy("Default template"),
    gettext_lazy("Email Template"),
    gettext_lazy("Email Templates"),
    gettext_lazy("The original filename"),
    gettext_lazy("Emails"),
    gettext_lazy("Attachment"),
    gettext_lazy("Attachments"),
    gettext_lazy("Resend"),
    # the labels it never marks (emalu/third_party.py looks them up)
    gettext_lazy("created"),
    gettext_lazy("last updated"),
    gettext_lazy("number of retries"),
    gettext_lazy("date"),
    gettext_lazy("mimetype"),
]

# 40 labels django-otp never marks: its models' and fields' names and help (emalu/third_party.py
# looks them up) and its admins' fieldset titles (emalu/vendor_admin.py)
OTP_LABELS = [
    gettext_lazy("static device"),
    gettext_lazy("static devices"),
    gettext_lazy("ID"),
    gettext_lazy("The user that this device belongs to."),
    gettext_lazy("The human-readable name of this device."),
    gettext_lazy("confirmed"),
    gettext_lazy("Is this device ready for use?"),
    gettext_lazy("throttling failure timestamp"),
    gettext_lazy(
        "A timestamp of the last failed verification attempt. Null if last attempt succeeded."
    ),
    gettext_lazy("throttling failure count"),
    gettext_lazy("Number of successive failed attempts."),
    gettext_lazy("created at"),
    gettext_lazy("The date and time when this device was initially created in the system."),
    gettext_lazy("last used at"),
    gettext_lazy("The most recent date and time this device was used."),
    gettext_lazy("static token"),
    gettext_lazy("static tokens"),
    gettext_lazy("device"),
    gettext_lazy("token"),
    gettext_lazy("TOTP device"),
    gettext_lazy("TOTP devices"),
    gettext_lazy("key"),
    gettext_lazy("A hex-encoded secret key of up to 40 bytes."),
    gettext_lazy("step"),
    gettext_lazy("The time step in seconds."),
    gettext_lazy("t0"),
    gettext_lazy("The Unix time at which to begin counting steps."),
    gettext_lazy("digits"),
    gettext_lazy("The number of digits to expect in a token."),
    gettext_lazy("tolerance"),
    gettext_lazy("The number of time steps in the past or future to allow."),
    gettext_lazy("drift"),
    gettext_lazy("The number of time steps the prover is known to deviate from our clock."),
    gettext_lazy("last t"),
    gettext_lazy(
        "The t value of the latest verified token. The next token must be at a higher time step."
    ),
    gettext_lazy("Identity"),
    gettext_lazy("Timestamps"),
    gettext_lazy("Configuration"),
    gettext_lazy("State"),
    gettext_lazy("Throttling"),
]


STRINGS = (
    ADMIN_STRINGS
    + AUTH_STRINGS
    + CORE_STRINGS
    + OTP_STRINGS
    + CONTENTTYPES_STRINGS
    + AXES_STRINGS
    + POST_OFFICE_STRINGS
    + OTP_LABELS
)
