{% autoescape off %}// Analytics set-up: only for a visitor who accepted on the cookie banner.
{% if analytics.ga_id %}window.dataLayer = window.dataLayer || [];
function gtag() { window.dataLayer.push(arguments); }
gtag("js", new Date());
gtag("config", "{{ analytics.ga_id|escapejs }}", {
  anonymize_ip: true, allow_google_signals: false, allow_ad_personalization_signals: false
});
{% endif %}{% if analytics.ym_id %}window.ym = window.ym || function () { (window.ym.a = window.ym.a || []).push(arguments); };
window.ym.l = Date.now();
window.ym({{ analytics.ym_id|escapejs }}, "init", {
  webvisor: false, clickmap: false, trackForms: false, trackLinks: true, accurateTrackBounce: true, trackHash: false
});
{% endif %}{% endautoescape %}
