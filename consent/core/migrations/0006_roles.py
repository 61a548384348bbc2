from django.db import migrations


class Migration(migrations.Migration):
    """Roles are groups kept in step with consent/roles.py after every migrate (post_migrate)."""

    dependencies = [
        ("consent", "0005_campaigns"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = []
