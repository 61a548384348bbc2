"""The SQL that seeds the volume of `bench/volume.py seed`: one INSERT ... SELECT generate_series
per table, in `STEPS` order, filled with `%(name)s` parameters (the counts, the published texts,
the names and places to draw from)."""

SUBJECTS_SQL = """
CREATE TEMP TABLE vol_subject ON COMMIT DROP AS
SELECT g - 1 AS i, nextval(pg_get_serial_sequence('consent_subject', 'id')) AS id,
       (%(first)s::text[])[1 + g %% 16] || ' ' || (%(last)s::text[])[1 + (g / 16) %% 12] AS name,
       CASE WHEN g %% 3 = 0 THEN 'ru' ELSE 'kk' END AS language,
       now() - interval '1100 days' * (1 - g::float / %(subjects)s) AS created_at,
       CASE WHEN g %% 10 < 7 THEN date '1955-01-01' + ((g * 7919) %% 20000)::int END AS birth_date
FROM generate_series(1, %(subjects)s) g;
INSERT INTO consent_subject (id, full_name, email, phone, birth_date, birth_place, photo,
                             language, created_at, updated_at)
SELECT id, name,
       CASE WHEN i %% 20 <> 7 THEN 'person' || id || '@example.kz' END,
       CASE WHEN i %% 5 < 3 OR i %% 20 = 7 THEN '+7705' || lpad((id %% 10000000)::text, 7, '0') END,
       birth_date,
       CASE WHEN birth_date IS NOT NULL THEN (%(places)s::text[])[1 + i %% 8] ELSE '' END,
       '', language, created_at, created_at
FROM vol_subject;
"""

PEOPLE_SQL = """
INSERT INTO consent_guardian (subject_id, full_name, contact, created_at)
SELECT id, 'Қасымов Ерлан', '+77011234567', created_at FROM vol_subject
WHERE birth_date > created_at - interval '18 years';
CREATE TEMP TABLE vol_person ON COMMIT DROP AS
SELECT s.*, g.id AS guardian_id,
       CASE WHEN s.i < %(heavy)s THEN %(heavy_rows)s
            WHEN s.i - %(heavy)s < r.rest %% r.people THEN r.rest / r.people + 1
            ELSE r.rest / r.people END AS n
FROM vol_subject s LEFT JOIN consent_guardian g ON g.subject_id = s.id,
     (SELECT %(ledger)s - %(heavy)s * %(heavy_rows)s AS rest,
             %(subjects)s - %(heavy)s AS people) r;
CREATE UNIQUE INDEX ON vol_person (i);
ANALYZE vol_person;
"""

SUBMISSIONS_SQL = """
INSERT INTO consent_submission (subject_id, source, data, photo, language, created_at)
SELECT id, CASE WHEN birth_date IS NULL THEN 'contact_form' ELSE 'application_form' END,
       jsonb_build_object('full_name', name, 'email', 'person' || id || '@example.kz',
                          'message', 'Сәлеметсіз бе! Қызмет туралы сұрағым бар.'),
       '', language, created_at
FROM vol_person;
"""

# Row k of the ledger: the first HEAVY people have HEAVY_ROWS events each, the rest share
# what is left. Event s of a person is about purpose s % 3, in rounds s / 3: grant, then
# withdraw (now and then expire, consent-again or a block), then grant to the next version...

LEDGER_SQL = """
CREATE TEMP TABLE vol_text ON COMMIT DROP AS
SELECT p - 1 AS p, v - 1 AS v, (%(texts)s::bigint[])[p][v] AS id
FROM generate_series(1, 3) p, generate_series(1, %(versions)s) v;
INSERT INTO consent_ledgerentry (subject_id, purpose, kind, text_id, text_sha256, language, at,
                                 expires_at, ip, user_agent, source, guardian_id, reason,
                                 shown_fields)
SELECT e.id, CASE WHEN e.kind IN ('block', 'unblock') THEN NULL ELSE e.purpose END, e.kind,
       t.id,
       CASE WHEN t.id IS NULL THEN ''
            ELSE encode(sha256(convert_to(replace(replace(
                 CASE WHEN e.language = 'ru' THEN t.body_ru ELSE t.body_kk END, '{data}',
                 coalesce(CASE WHEN e.language = 'ru' THEN t.list_ru ELSE t.list_kk END, '')),
                 '{full_name}', e.name), 'UTF8')), 'hex') END,
       CASE WHEN t.id IS NULL THEN '' ELSE e.language END,
       e.at, (e.at AT TIME ZONE 'Asia/Almaty' + make_interval(years => t.term_years))
             AT TIME ZONE 'Asia/Almaty',
       CASE WHEN e.web THEN '95.56.0.0'::inet + (e.id * 7 + e.s) %% 65536 END,
       CASE WHEN e.web THEN (%(agents)s::text[])[1 + (e.id + e.s) %% 3] ELSE '' END,
       e.source, CASE WHEN t.id IS NOT NULL THEN e.guardian_id END,
       CASE WHEN e.kind IN ('block', 'unblock', 'reconsent')
            THEN 'Өтініш бойынша / по заявлению' ELSE '' END,
       coalesce(t.codes, '[]'::jsonb)
FROM (
    SELECT x.*, x.kind IN ('grant', 'withdraw')
                AND x.source NOT IN ('admin', 'email_request', 'retention') AS web
    FROM (
        SELECT p.*, k.s, k.s %% 3 AS pidx,
               (ARRAY['service', 'marketing', 'cross_border'])[1 + k.s %% 3] AS purpose,
               p.created_at + (now() - p.created_at) * (k.s::float / p.n) AS at,
               CASE WHEN (k.s / 3) %% 2 = 0
                    THEN CASE WHEN k.s >= 3 AND k.s %% 3 = 0 AND (p.id + k.s) %% 50 = 0
                              THEN 'unblock' ELSE 'grant' END
                    WHEN (p.id + k.s) %% 100 < 6 THEN 'expire'
                    WHEN (p.id + k.s) %% 100 < 9 THEN 'reconsent'
                    WHEN k.s %% 3 = 0 AND (p.id + k.s) %% 100 < 11 THEN 'block'
                    ELSE 'withdraw' END AS kind,
               CASE WHEN (k.s / 3) %% 2 = 0
                    THEN CASE WHEN k.s %% 3 = 1 AND k.s < 3 THEN 'newsletter_form'
                              WHEN k.s < 3 THEN (CASE WHEN p.birth_date IS NULL THEN 'contact_form'
                                                 ELSE 'application_form' END)
                              WHEN (p.id + k.s) %% 50 = 0 THEN 'admin'
                              ELSE 'self_service' END
                    WHEN (p.id + k.s) %% 100 < 6 THEN 'retention'
                    WHEN (p.id + k.s) %% 100 < 11 THEN 'admin'
                    WHEN k.s %% 3 = 1 AND (p.id + k.s) %% 3 = 0 THEN 'unsubscribe'
                    ELSE (ARRAY['self_service', 'request_form', 'email_request'])
                         [1 + (p.id + k.s) %% 3]
               END AS source
        FROM vol_person p CROSS JOIN LATERAL generate_series(0, p.n - 1) AS k(s)
    ) x
) e
LEFT JOIN (SELECT vt.p, vt.v, ct.id, ct.body_kk, ct.body_ru,
                  CASE WHEN vt.p = 2 THEN 1 ELSE 3 END AS term_years,
                  -- every item of the purpose, as a form asking for all of them shows them
                  (SELECT string_agg(x->>1, ', ' ORDER BY n)
                   FROM jsonb_array_elements(ct.data_names->'kk')
                        WITH ORDINALITY a(x, n)) AS list_kk,
                  (SELECT string_agg(x->>1, ', ' ORDER BY n)
                   FROM jsonb_array_elements(ct.data_names->'ru')
                        WITH ORDINALITY a(x, n)) AS list_ru,
                  (SELECT jsonb_agg(x->0 ORDER BY n)
                   FROM jsonb_array_elements(ct.data_names->'kk')
                        WITH ORDINALITY a(x, n)) AS codes
           FROM vol_text vt JOIN consent_consenttext ct ON ct.id = vt.id) t
       ON e.kind = 'grant' AND t.p = e.pidx AND t.v = least(e.s / 6, %(versions)s - 1)
ORDER BY e.at;
"""

REQUESTS_SQL = """
INSERT INTO consent_request (type, status, channel, subject_id, email, language, purpose,
                             message, message_id, received_at, due_date, verified_at, closed_at,
                             outcome)
SELECT r.type, r.status, r.channel, r.subject_id,
       coalesce(r.email, 'unknown' || r.g || '@example.kz'), r.language,
       CASE WHEN r.type = 'withdraw' AND r.g %% 2 = 0 THEN 'marketing' ELSE '' END,
       'Менің деректерім туралы / О моих данных',
       CASE WHEN r.channel = 'email' THEN '<' || md5(random()::text) || '@mail.kz>' END,
       r.received_at,
       (r.received_at AT TIME ZONE 'Asia/Almaty')::date
           + CASE r.type WHEN 'access' THEN 5 WHEN 'withdraw' THEN 21 WHEN 'other' THEN 21
                         ELSE 2 END,
       CASE WHEN r.status <> 'unverified' AND r.subject_id IS NOT NULL
            THEN r.received_at + interval '2 hours' END,
       CASE WHEN r.status IN ('done', 'refused', 'closed')
            THEN r.received_at + interval '1 day' END,
       CASE WHEN r.status IN ('done', 'refused') THEN 'Жауап / Ответ' ELSE '' END
FROM (
    SELECT g, p.id AS subject_id, s.email, coalesce(p.language, 'kk') AS language,
           (ARRAY['access', 'access', 'access', 'withdraw', 'withdraw', 'unsubscribe',
                  'unsubscribe', 'unsubscribe', 'correct', 'correct', 'destroy', 'block',
                  'unblock', 'other', 'other', 'access', 'withdraw', 'unsubscribe', 'other',
                  'correct'])[1 + g %% 20] AS type,
           (ARRAY['web', 'web', 'email', 'self_service'])[1 + g %% 4] AS channel,
           now() - interval '730 days' * (1 - g::float / %(requests)s) AS received_at,
           CASE WHEN p.id IS NULL THEN (CASE WHEN g > %(requests)s - 200 THEN 'unverified'
                                        ELSE 'closed' END)
                WHEN g > %(requests)s - 300 THEN (ARRAY['unverified', 'open', 'open'])[1 + g %% 3]
                WHEN g %% 97 = 0 THEN 'open'  -- overdue
                WHEN g %% 10 = 0 THEN 'refused'
                WHEN g %% 15 = 0 THEN 'closed'
                ELSE 'done' END AS status
    FROM generate_series(1, %(requests)s) g
    LEFT JOIN vol_person p ON g %% 20 <> 0 AND p.i = (g * 7) %% %(subjects)s
    LEFT JOIN consent_subject s ON s.id = p.id
) r;
"""

EMAILS_SQL = """
INSERT INTO post_office_email (from_email, "to", cc, bcc, subject, message, html_message, status,
                               priority, created, last_updated, message_id, number_of_retries,
                               backend_alias)
SELECT '«ЕМ АЛУ плюс» <noreply@emaluplus-vko.kz>',
       coalesce(s.email, 'em.alu.plus@mail.kz'), '', '',
       CASE WHEN p.language = 'ru' THEN 'Ваше обращение получено' ELSE 'Өтінішіңіз алынды' END,
       repeat('Сәлеметсіз бе! Өтінішіңіз алынды, жауапты заң мерзімінде береміз. ', 12),
       '<p>' || repeat('Сәлеметсіз бе! Өтінішіңіз алынды, жауапты заң мерзімінде береміз. ', 25)
           || '</p>',
       CASE WHEN g %% 100 < 85 THEN 0 WHEN g %% 100 < 88 THEN 1 WHEN g %% 100 < 98 THEN 2
            ELSE 3 END,
       1, p.created_at + interval '1 minute', p.created_at + interval '2 minutes',
       CASE WHEN g %% 100 < 85 THEN '<' || md5(g::text) || '@emaluplus-vko.kz>' END,
       CASE WHEN g %% 100 BETWEEN 85 AND 87 THEN 3 ELSE 0 END, ''
FROM generate_series(0, %(emails)s - 1) g
JOIN vol_person p ON p.i = CASE WHEN g < %(heavy)s * 10 THEN g %% %(heavy)s
                                ELSE (g * 2) %% %(subjects)s END
JOIN consent_subject s ON s.id = p.id
ORDER BY p.created_at;
"""

# The audit log at AUDIT rows: one for every ledger row (written with it), the rest staff views.
AUDIT_SQL = """
INSERT INTO consent_auditevent (at, action, actor_id, actor_label, subject_ref, object_type,
                                object_id, detail)
SELECT l.at,
       CASE l.kind WHEN 'grant' THEN 'consent_grant' WHEN 'withdraw' THEN 'consent_withdraw'
                   WHEN 'expire' THEN 'consent_expire' WHEN 'block' THEN 'subject_block'
                   WHEN 'unblock' THEN 'subject_unblock' ELSE 'consent_reconsent' END,
       NULL, '', l.subject_id, 'ledgerentry', l.id::text, jsonb_build_object('purpose', l.purpose)
FROM consent_ledgerentry l ORDER BY l.id LIMIT %(audit)s;
INSERT INTO consent_auditevent (at, action, actor_id, actor_label, subject_ref, object_type,
                                object_id, detail)
SELECT now() - interval '700 days' * (1 - g::float / %(audit)s), 'subject_view', 1, 'officer',
       1 + g %% %(subjects)s, 'subject', (1 + g %% %(subjects)s)::text, '{}'::jsonb
FROM generate_series(1, %(audit)s - (SELECT count(*) FROM consent_auditevent)) g;
"""

STEPS = [
    ("subjects", SUBJECTS_SQL),
    ("guardians", PEOPLE_SQL),
    ("submissions", SUBMISSIONS_SQL),
    ("ledger", LEDGER_SQL),
    ("requests", REQUESTS_SQL),
    ("emails", EMAILS_SQL),
    ("audit", AUDIT_SQL),
]
