// ruleid: emalu-template-js-unescaped
var id = "{{ analytics.ga_id }}";
// ok: emalu-template-js-unescaped
var id2 = "{{ analytics.ga_id|escapejs }}";
