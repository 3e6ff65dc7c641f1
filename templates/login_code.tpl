{{%AUTOESCAPE context="HTML"}}<div class="card login">
<h1><span class="logo">Tenantry</span> Two-factor sign-in</h1>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors">{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
<p>Enter the 6-digit code your authenticator app shows for Tenantry, or one of your recovery codes.</p>
<form method="post" action="/login/code" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="next" value="{{NEXT}}">
<div class="field{{#F_CODE_INVALID}} invalid{{/F_CODE_INVALID}}">
<label for="f-code">Code</label>
<input id="f-code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" required autofocus maxlength="32" value="{{F_CODE}}"{{#F_CODE_INVALID}} aria-invalid="true" aria-describedby="e-code"{{/F_CODE_INVALID}}>
{{#F_CODE_INVALID}}<p class="err" id="e-code">{{F_CODE_ERR}}</p>{{/F_CODE_INVALID}}
</div>
<button type="submit" class="primary">Verify</button>
</form>
<p class="forgot"><a href="/login">Sign in as someone else</a></p>
</div>
