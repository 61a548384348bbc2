from django.contrib import admin

from .models import Page


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["slug", "title_kk", "title_ru", "is_demo", "updated_at"]
    fieldsets = [
        (None, {"fields": ["slug", "is_demo"]}),
        ("Қазақша", {"fields": ["title_kk", "body_kk"]}),
        ("Русский", {"fields": ["title_ru", "body_ru"]}),
    ]
