{{%AUTOESCAPE context="HTML"}}{{#OPT}}<option value="{{VALUE}}">{{NAME}}{{#REF}} · {{BILLING_REF}}{{/REF}}</option>
{{/OPT}}
