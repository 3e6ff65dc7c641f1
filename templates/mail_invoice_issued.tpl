{{%AUTOESCAPE context="HTML"}}<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{SUBJECT}}</title></head>
<body style="font-family: sans-serif; line-height: 1.5; color: #1f2933;">
<p>Hello {{RCPT_NAME}},</p>
<p>{{OPERATOR_NAME}} has issued invoice {{NUMBER}} to {{OCCUPIER_NAME}} on {{ISSUED}}.</p>
<table><tr><th style="text-align: left;">Total</th><td>{{CURRENCY}} {{TOTAL}}</td></tr><tr><th style="text-align: left;">Due</th><td>{{DUE}}</td></tr></table>
<p><a href="{{LINK}}">See the invoice</a></p>
<p style="color: #616e7c; font-size: 0.9em;">{{OPERATOR_NAME}}, through Tenantry.</p>
</body></html>
