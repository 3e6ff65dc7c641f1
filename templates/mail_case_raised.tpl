{{%AUTOESCAPE context="HTML"}}<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{SUBJECT}}</title></head>
<body style="font-family: sans-serif; line-height: 1.5; color: #1f2933;">
<p>Hello {{RCPT_NAME}},</p>
<p>{{AUTHOR}} raised case {{CASE_ID}} for {{OCCUPIER_NAME}} at {{SITE_NAME}}:</p>
<p><strong>{{CASE_SUBJECT}}</strong></p>
<div style="white-space: pre-wrap;">{{DETAILS}}</div>
<p><a href="{{LINK}}">See the case and answer</a></p>
<p style="color: #616e7c; font-size: 0.9em;">{{OPERATOR_NAME}}, through Tenantry.</p>
</body></html>
