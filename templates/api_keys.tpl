{{%AUTOESCAPE context="HTML"}}<header class="page-head"><div><h1>API keys</h1></div><div class="actions"><a class="button" href="/settings/api-docs">API reference</a></div></header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>No key was created:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
{{#NEW_KEY}}<div class="notice" role="status" id="new-key"><p>Key “{{NEW_KEY_NAME}}” created. Copy it now: it is shown only once.</p>
<p><code id="new-key-value">{{NEW_KEY_VALUE}}</code></p></div>{{/NEW_KEY}}
{{#REVOKED}}<p class="notice" role="status">Key revoked: programs using it are refused from now on.</p>{{/REVOKED}}
<p>Programs call the JSON API at <code>/api/v1</code> with <code>Authorization: Bearer</code> and a key.</p>
<table class="grid" id="api-keys"><thead><tr><th>Name</th><th>Key</th><th>Scope</th><th>Site</th><th>Created</th><th>Last used</th><th></th></tr></thead><tbody>
{{#KEY}}<tr{{#KEY_REVOKED}} class="muted"{{/KEY_REVOKED}}><td>{{KEY_NAME}}</td><td><code>tnt_{{KEY_PREFIX}}…</code></td><td>{{KEY_SCOPE}}</td><td>{{KEY_SITE}}</td><td>{{KEY_CREATED}}</td><td>{{KEY_LAST_USED}}</td>
<td>{{#KEY_REVOKED}}Revoked{{/KEY_REVOKED}}{{#KEY_ACTIVE}}<form method="post" action="/settings/api-keys"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="revoke" value="{{KEY_ID}}"><button type="submit">Revoke</button></form>{{/KEY_ACTIVE}}</td></tr>{{/KEY}}
{{#NO_KEYS}}<tr><td colspan="7">No API keys yet.</td></tr>{{/NO_KEYS}}
</tbody></table>
<form class="card form" method="post" action="/settings/api-keys" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<h2>New key</h2>
<div class="field{{#F_NAME_INVALID}} invalid{{/F_NAME_INVALID}}"><label for="f-name">Name <span class="req">(required)</span></label>
<input id="f-name" name="name" maxlength="100" value="{{F_NAME}}">
{{#F_NAME_INVALID}}<p class="err" id="e-name">{{F_NAME_ERR}}</p>{{/F_NAME_INVALID}}</div>
<div class="field{{#F_SCOPE_INVALID}} invalid{{/F_SCOPE_INVALID}}"><label for="f-scope">Scope</label>
<select id="f-scope" name="scope"><option value="read">Read</option><option value="write">Read and write</option></select>
{{#F_SCOPE_INVALID}}<p class="err" id="e-scope">{{F_SCOPE_ERR}}</p>{{/F_SCOPE_INVALID}}</div>
<div class="field{{#F_SITE_ID_INVALID}} invalid{{/F_SITE_ID_INVALID}}"><label for="f-site_id">Sites</label>
<select id="f-site_id" name="site_id"><option value="">Every site</option>{{#SITE}}<option value="{{SITE_ID}}">{{SITE_NAME}}</option>{{/SITE}}</select>
{{#F_SITE_ID_INVALID}}<p class="err" id="e-site_id">{{F_SITE_ID_ERR}}</p>{{/F_SITE_ID_INVALID}}</div>
<div class="buttons"><button type="submit" class="primary">Create key</button></div>
</form>
