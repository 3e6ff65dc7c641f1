{{%AUTOESCAPE context="HTML"}}<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{SUBJECT}}</title></head>
<body style="font-family: sans-serif; line-height: 1.5; color: #1f2933;">
<p>Hello {{RCPT_NAME}},</p>
<p>{{AUTHOR}} commented on case {{CASE_ID}}, &ldquo;{{CASE_SUBJECT}}&rdquo; ({{OCCUPIER_NAME}}, {{SITE_NAME}}):</p>
{{#COMMENT}}<blockquote style="white-space: pre-wrap; border-left: 3px solid #cbd2d9; margin: 0; padding-left: 1em;">{{TEXT}}</blockquote>{{/COMMENT}}
<p><a href="{{LINK}}">See the conversation and answer</a></p>
<p style="color: #616e7c; font-size: 0.9em;">{{OPERATOR_NAME}}, through Tenantry.</p>
</body></html>
