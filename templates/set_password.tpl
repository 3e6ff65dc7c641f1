{{%AUTOESCAPE context="HTML"}}<div class="card login">
<h1><span class="logo">Tenantry</span> Set your password</h1>
<p>For {{NAME}} ({{EMAIL}}). This link works once, until {{EXPIRES}}.</p>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors">{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
<form method="post" action="/set-password" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="token" value="{{TOKEN}}">
<input type="text" name="username" value="{{EMAIL}}" autocomplete="username" hidden>
<div class="field{{#F_PASSWORD_INVALID}} invalid{{/F_PASSWORD_INVALID}}">
<label for="f-password">New password</label>
<input id="f-password" name="password" type="password" autocomplete="new-password" minlength="10" required autofocus aria-describedby="h-password{{#F_PASSWORD_INVALID}} e-password{{/F_PASSWORD_INVALID}}"{{#F_PASSWORD_INVALID}} aria-invalid="true"{{/F_PASSWORD_INVALID}}>
<p class="hint" id="h-password">At least 10 characters.</p>
{{#F_PASSWORD_INVALID}}<p class="err" id="e-password">{{F_PASSWORD_ERR}}</p>{{/F_PASSWORD_INVALID}}
</div>
<div class="field{{#F_CONFIRM_INVALID}} invalid{{/F_CONFIRM_INVALID}}">
<label for="f-confirm">New password again</label>
<input id="f-confirm" name="confirm" type="password" autocomplete="new-password" minlength="10" required{{#F_CONFIRM_INVALID}} aria-invalid="true" aria-describedby="e-confirm"{{/F_CONFIRM_INVALID}}>
{{#F_CONFIRM_INVALID}}<p class="err" id="e-confirm">{{F_CONFIRM_ERR}}</p>{{/F_CONFIRM_INVALID}}
</div>
<button type="submit" class="primary">Set password</button>
</form>
</div>
