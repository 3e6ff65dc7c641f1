{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div>
<p class="crumbs"><a href="/sites">Sites</a>{{#EDITING}} › <a href="/sites/{{SITE_ID}}">{{SITE_NAME}}</a>{{/EDITING}}</p>
<h1>{{#CREATING}}New site{{/CREATING}}{{#EDITING}}Edit site{{/EDITING}}</h1>
</div>
</header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Please correct the following:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
<form class="card form" method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field{{#F_NAME_INVALID}} invalid{{/F_NAME_INVALID}}">
<label for="f-name">Name <span class="req">(required)</span></label>
<input id="f-name" name="name" type="text" maxlength="200" required value="{{F_NAME}}"{{#F_NAME_INVALID}} aria-invalid="true" aria-describedby="e-name"{{/F_NAME_INVALID}}>
{{#F_NAME_INVALID}}<p class="err" id="e-name">{{F_NAME_ERR}}</p>{{/F_NAME_INVALID}}
</div>
<div class="field{{#F_ADDRESS_INVALID}} invalid{{/F_ADDRESS_INVALID}}">
<label for="f-address">Address</label>
<textarea id="f-address" name="address" rows="3" maxlength="500"{{#F_ADDRESS_INVALID}} aria-invalid="true" aria-describedby="e-address"{{/F_ADDRESS_INVALID}}>{{F_ADDRESS:pre_escape}}</textarea>
{{#F_ADDRESS_INVALID}}<p class="err" id="e-address">{{F_ADDRESS_ERR}}</p>{{/F_ADDRESS_INVALID}}
</div>
<div class="field{{#F_TIMEZONE_INVALID}} invalid{{/F_TIMEZONE_INVALID}}">
<label for="f-timezone">Time zone</label>
<input id="f-timezone" name="timezone" type="text" maxlength="64" placeholder="Europe/London" value="{{F_TIMEZONE}}" aria-describedby="h-timezone{{#F_TIMEZONE_INVALID}} e-timezone{{/F_TIMEZONE_INVALID}}"{{#F_TIMEZONE_INVALID}} aria-invalid="true"{{/F_TIMEZONE_INVALID}}>
<p class="hint" id="h-timezone">Leave empty for the operator's time zone.</p>
{{#F_TIMEZONE_INVALID}}<p class="err" id="e-timezone">{{F_TIMEZONE_ERR}}</p>{{/F_TIMEZONE_INVALID}}
</div>
<div class="field{{#F_CURRENCY_INVALID}} invalid{{/F_CURRENCY_INVALID}}">
<label for="f-currency">Currency</label>
<input id="f-currency" name="currency" type="text" maxlength="8" placeholder="GBP" value="{{F_CURRENCY}}" aria-describedby="h-currency{{#F_CURRENCY_INVALID}} e-currency{{/F_CURRENCY_INVALID}}"{{#F_CURRENCY_INVALID}} aria-invalid="true"{{/F_CURRENCY_INVALID}}>
<p class="hint" id="h-currency">Leave empty for the operator's currency.</p>
{{#F_CURRENCY_INVALID}}<p class="err" id="e-currency">{{F_CURRENCY_ERR}}</p>{{/F_CURRENCY_INVALID}}
</div>
<div class="buttons">
<button type="submit" class="primary">{{#CREATING}}Create site{{/CREATING}}{{#EDITING}}Save changes{{/EDITING}}</button>
<a href="{{#EDITING}}/sites/{{SITE_ID}}{{/EDITING}}{{#CREATING}}/sites{{/CREATING}}">Cancel</a>
</div>
</form>
