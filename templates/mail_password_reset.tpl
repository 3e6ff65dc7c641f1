{{%AUTOESCAPE context="HTML"}}<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{SUBJECT}}</title></head>
<body style="font-family: sans-serif; line-height: 1.5; color: #1f2933;">
<p>Hello {{RCPT_NAME}},</p>
<p>Someone asked to reset the Tenantry password of {{EMAIL}} at {{OPERATOR_NAME}}.</p>
<p><a href="{{LINK}}">Choose a new password</a> (the link works once, until {{EXPIRES}}).</p>
<p>If it was not you, ignore this message: your password stays as it is.</p>
<p style="color: #616e7c; font-size: 0.9em;">{{OPERATOR_NAME}}, through Tenantry.</p>
</body></html>
