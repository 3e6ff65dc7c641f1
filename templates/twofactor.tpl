{{%AUTOESCAPE context="HTML"}}<h1>Two-factor sign-in</h1>
<p><a href="/account">Back to your account</a></p>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors">{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
{{#MUST}}<p class="notice">Your workspace requires two-factor sign-in for operator accounts: set it up to continue.</p>{{/MUST}}
{{#CODES}}<section class="card">
<h2>Two-factor sign-in is on</h2>
<p class="notice">Save these recovery codes now: they are shown only this once. Each one signs you in once if you lose your phone.</p>
<ul class="recovery-codes">{{#CODE}}<li><code>{{TEXT}}</code></li>{{/CODE}}</ul>
</section>{{/CODES}}
{{#ON}}<section class="card">
<p>Two-factor sign-in is <strong>on</strong>. Unused recovery codes: {{LEFT}}.</p>
<form method="post" action="/account/two-factor" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="action" value="disable">
<div class="field{{#F_CODE_INVALID}} invalid{{/F_CODE_INVALID}}">
<label for="f-code">Current code or recovery code</label>
<input id="f-code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="32" value="{{F_CODE}}"{{#F_CODE_INVALID}} aria-invalid="true" aria-describedby="e-code"{{/F_CODE_INVALID}}>
{{#F_CODE_INVALID}}<p class="err" id="e-code">{{F_CODE_ERR}}</p>{{/F_CODE_INVALID}}
</div>
<div class="field">
<label for="f-password">or your password</label>
<input id="f-password" name="password" type="password" autocomplete="current-password">
</div>
<button type="submit">Turn two-factor sign-in off</button>
</form>
</section>{{/ON}}
{{#OFF}}<section class="card">
<p>Two-factor sign-in is <strong>off</strong>. With it on, signing in also needs a code from an authenticator app on your phone.</p>
<form method="post" action="/account/two-factor">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="action" value="start">
<button type="submit" class="primary">Set up two-factor sign-in</button>
</form>
</section>{{/OFF}}
{{#SETUP}}<section class="card">
<h2>Scan this code with your authenticator app</h2>
<div class="qr">{{QR_SVG:none}}</div>
<p>Or enter this key by hand: <code class="secret">{{SECRET}}</code></p>
<form method="post" action="/account/two-factor" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="action" value="enable">
<div class="field{{#F_CODE_INVALID}} invalid{{/F_CODE_INVALID}}">
<label for="f-code">The 6-digit code the app shows now</label>
<input id="f-code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" required maxlength="8" value="{{F_CODE}}"{{#F_CODE_INVALID}} aria-invalid="true" aria-describedby="e-code"{{/F_CODE_INVALID}}>
{{#F_CODE_INVALID}}<p class="err" id="e-code">{{F_CODE_ERR}}</p>{{/F_CODE_INVALID}}
</div>
<button type="submit" class="primary">Turn two-factor sign-in on</button>
</form>
</section>{{/SETUP}}
{{#ADMIN}}<section class="card">
<h2>Workspace rule</h2>
<form method="post" action="/account/two-factor">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="action" value="require">
<label class="check"><input type="checkbox" name="required" value="1"{{#REQUIRED}} checked{{/REQUIRED}}> Require two-factor sign-in for operator accounts (admins and staff)</label>
<button type="submit">Save</button>
</form>
</section>{{/ADMIN}}
