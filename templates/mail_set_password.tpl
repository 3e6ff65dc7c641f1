{{%AUTOESCAPE context="HTML"}}<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{SUBJECT}}</title></head>
<body style="font-family: sans-serif; line-height: 1.5; color: #1f2933;">
<p>Hello {{RCPT_NAME}},</p>
<p>An administrator of {{OPERATOR_NAME}} has given you a new link to set your Tenantry password (for {{EMAIL}}). It works once, until {{EXPIRES}}, and replaces any earlier link.</p>
<p><a href="{{LINK}}">Set your password</a></p>
<p>If you did not ask for it, tell your administrator.</p>
<p style="color: #616e7c; font-size: 0.9em;">{{OPERATOR_NAME}}, through Tenantry.</p>
</body></html>
