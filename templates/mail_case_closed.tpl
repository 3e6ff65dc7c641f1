{{%AUTOESCAPE context="HTML"}}<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{SUBJECT}}</title></head>
<body style="font-family: sans-serif; line-height: 1.5; color: #1f2933;">
<p>Hello {{RCPT_NAME}},</p>
<p>{{AUTHOR}} closed case {{CASE_ID}}, &ldquo;{{CASE_SUBJECT}}&rdquo; ({{OCCUPIER_NAME}}, {{SITE_NAME}}).</p>
<p>If something is still wrong, ask {{OPERATOR_NAME}} to reopen it: <a href="{{LINK}}">the case</a>.</p>
<p style="color: #616e7c; font-size: 0.9em;">{{OPERATOR_NAME}}, through Tenantry.</p>
</body></html>
