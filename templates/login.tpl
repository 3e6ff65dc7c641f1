{{%AUTOESCAPE context="HTML"}}<div class="card login">
<h1><span class="logo">Tenantry</span> Sign in</h1>
{{#EXPIRED}}<p class="notice">Your session has ended. Sign in again to continue.{{#DRAFT_KEPT}} Your unsaved changes are kept: you get back to them, not saved yet.{{/DRAFT_KEPT}}</p>{{/EXPIRED}}
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors">{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
<form method="post" action="/login" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="next" value="{{NEXT}}">
<div class="field{{#F_EMAIL_INVALID}} invalid{{/F_EMAIL_INVALID}}">
<label for="f-email">Email</label>
<input id="f-email" name="email" type="email" autocomplete="username" required autofocus value="{{F_EMAIL}}"{{#F_EMAIL_INVALID}} aria-invalid="true" aria-describedby="e-email"{{/F_EMAIL_INVALID}}>
{{#F_EMAIL_INVALID}}<p class="err" id="e-email">{{F_EMAIL_ERR}}</p>{{/F_EMAIL_INVALID}}
</div>
<div class="field{{#F_PASSWORD_INVALID}} invalid{{/F_PASSWORD_INVALID}}">
<label for="f-password">Password</label>
<input id="f-password" name="password" type="password" autocomplete="current-password" required{{#F_PASSWORD_INVALID}} aria-invalid="true" aria-describedby="e-password"{{/F_PASSWORD_INVALID}}>
{{#F_PASSWORD_INVALID}}<p class="err" id="e-password">{{F_PASSWORD_ERR}}</p>{{/F_PASSWORD_INVALID}}
</div>
{{#CHOOSE}}<fieldset class="field workspaces">
<legend>This email and password open more than one workspace. Choose the one to sign in to, and enter the password again.</legend>
{{#WORKSPACE}}<label class="check"><input type="radio" name="operator" value="{{ID}}"{{#CHECKED}} checked{{/CHECKED}}> {{NAME}}</label>
{{/WORKSPACE}}</fieldset>{{/CHOOSE}}
<button type="submit" class="primary">Sign in</button>
</form>
<p class="forgot"><a href="/forgot-password">Forgot your password?</a></p>
</div>
