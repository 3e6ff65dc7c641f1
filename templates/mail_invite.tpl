{{%AUTOESCAPE context="HTML"}}<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{SUBJECT}}</title></head>
<body style="font-family: sans-serif; line-height: 1.5; color: #1f2933;">
<p>Hello {{RCPT_NAME}},</p>
<p>{{OPERATOR_NAME}} has given you an account on Tenantry{{#FOR_OCCUPIER}} for {{OCCUPIER_NAME}}{{/FOR_OCCUPIER}}. You sign in with {{EMAIL}}.</p>
<p><a href="{{LINK}}">Choose your password</a> (the link works once, until {{EXPIRES}}).</p>
<p>If you did not expect this, you can ignore this message.</p>
<p style="color: #616e7c; font-size: 0.9em;">{{OPERATOR_NAME}}, through Tenantry.</p>
</body></html>
