{{%AUTOESCAPE context="HTML"}}<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{SUBJECT}}</title></head>
<body style="font-family: sans-serif; line-height: 1.5; color: #1f2933;">
<p>Hello {{RCPT_NAME}},</p>
<p>{{COUNT}} phone number(s) of {{OCCUPIER_NAME}} are now active:</p>
<ul>{{#NUMBER}}<li>{{NUMBER}}</li>{{/NUMBER}}</ul>
<p><a href="{{LINK}}">Your numbers</a></p>
<p style="color: #616e7c; font-size: 0.9em;">{{OPERATOR_NAME}}, through Tenantry.</p>
</body></html>
