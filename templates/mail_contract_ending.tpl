{{%AUTOESCAPE context="HTML"}}<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{SUBJECT}}</title></head>
<body style="font-family: sans-serif; line-height: 1.5; color: #1f2933;">
<p>Hello {{RCPT_NAME}},</p>
<p>Contract {{REFERENCE}} of {{OCCUPIER_NAME}} at {{SITE_NAME}} ends on <strong>{{END_DATE}}</strong>, in {{DAYS_LEFT}} {{DAYS_NOUN}} (our {{NOTICE}}-day notice).</p>
<p>To renew it or to plan the move, contact {{OPERATOR_NAME}}. <a href="{{LINK}}">The contract and its services</a></p>
<p style="color: #616e7c; font-size: 0.9em;">{{OPERATOR_NAME}}, through Tenantry.</p>
</body></html>
