from django.db import migrations, models


class Migration(migrations.Migration):
    """An inquiry or application marked answered (Submission.answered_at, with its permission),
    and the ledger event and audit actions of a purpose achieved (compliance L5). The choices
    are not constraints in the database; only the new nullable column is added."""

    dependencies = [
        ('consent', '0016_consent_text_names_its_processors'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='submission',
            options={'ordering': ['-id'], 'permissions': [('answer_submission', 'Can mark an inquiry or application answered')], 'verbose_name': 'submission', 'verbose_name_plural': 'submissions'},
        ),
        migrations.AddField(
            model_name='submission',
            name='answered_at',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='answered'),
        ),
        migrations.AlterField(
            model_name='auditevent',
            name='action',
            field=models.CharField(choices=[('consent_grant', 'consent given'), ('consent_withdraw', 'consent withdrawn'), ('consent_expire', 'consent expired'), ('consent_achieved', 'purpose achieved'), ('consent_reconsent', 'consent must be given again'), ('subject_create', 'data subject recorded'), ('subject_view', 'personal data viewed'), ('subject_edit', 'personal data changed'), ('subject_export', 'personal data exported'), ('subject_block', 'processing blocked'), ('subject_unblock', 'processing unblocked'), ('subject_destroy', 'personal data destroyed'), ('evidence_export', 'consent evidence exported'), ('submission', 'form received'), ('submission_answer', 'inquiry or application answered'), ('transfer_third_party', 'transferred to a third party'), ('transfer_cross_border', 'transferred abroad'), ('publication', 'published'), ('text_publish', 'consent text published'), ('policy_publish', 'privacy policy published'), ('request_open', 'request received'), ('request_verify', "requester's identity confirmed"), ('request_close', 'request answered'), ('campaign_send', 'campaign email queued'), ('self_service_open', 'self-service page opened'), ('statistics_export', 'depersonalised statistics exported'), ('login_failed', 'failed staff sign-in')], max_length=40, verbose_name='action'),
        ),
        migrations.AlterField(
            model_name='ledgerentry',
            name='kind',
            field=models.CharField(choices=[('grant', 'consent given'), ('withdraw', 'consent withdrawn'), ('expire', 'consent expired'), ('achieved', 'purpose achieved'), ('reconsent', 'consent must be given again'), ('block', 'processing blocked'), ('unblock', 'processing unblocked')], max_length=20, verbose_name='event'),
        ),
    ]
