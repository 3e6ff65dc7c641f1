{{%AUTOESCAPE context="HTML"}}<div class="card login">
<h1><span class="logo">Tenantry</span> Forgot your password?</h1>
{{#SENT}}<p class="notice" role="status" id="reset-sent">If an account uses {{EMAIL}}, we have sent it a link to choose a new password. The link works once, for an hour. Nothing arrived? Check the address and your spam folder, or ask your administrator.</p>
<p><a href="/login">Back to sign in</a></p>{{/SENT}}
{{#FORM}}<p>Enter the email you sign in with. We will send a link to choose a new password.</p>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors">{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
<form method="post" action="/forgot-password" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field{{#F_EMAIL_INVALID}} invalid{{/F_EMAIL_INVALID}}">
<label for="f-email">Email</label>
<input id="f-email" name="email" type="email" autocomplete="username" required autofocus value="{{F_EMAIL}}"{{#F_EMAIL_INVALID}} aria-invalid="true" aria-describedby="e-email"{{/F_EMAIL_INVALID}}>
{{#F_EMAIL_INVALID}}<p class="err" id="e-email">{{F_EMAIL_ERR}}</p>{{/F_EMAIL_INVALID}}
</div>
<button type="submit" class="primary">Send me a link</button>
</form>
<p><a href="/login">Back to sign in</a></p>{{/FORM}}
</div>
