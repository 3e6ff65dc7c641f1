{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div>
<p class="crumbs"><a href="/outbox">Outbox</a> › Message {{ID}}</p>
<h1>{{SUBJECT}}</h1>
<p class="sub"><span class="badge {{STATE_CLASS}}">{{STATE}}</span> To {{RCPT_NAME}} &lt;{{RCPT}}&gt;, queued <time datetime="{{CREATED_ISO}}">{{CREATED}}</time>{{#SENT}}, sent <time datetime="{{SENT_AT_ISO}}">{{SENT_AT}}</time>{{/SENT}}</p>
</div>
<div class="actions">{{#CAN_RETRY}}<form class="inline" method="post" action="/outbox/{{ID}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="retry"><button type="submit">Send again</button></form>{{/CAN_RETRY}}</div>
</header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors">{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
{{#NO_RELAY}}<p class="notice">No mail relay is set (<code>TENANTRY_SMTP_URL</code>): this message waits here.</p>{{/NO_RELAY}}
<section class="card">
<dl class="facts">
<dt>Kind</dt><dd>{{KIND}}</dd>
<dt>Message-ID</dt><dd><code>&lt;{{MESSAGE_ID}}&gt;</code></dd>
<dt>Attempts</dt><dd>{{ATTEMPTS}} of {{MAX_ATTEMPTS}}{{#NEXT}}; next at <time datetime="{{NEXT_AT_ISO}}">{{NEXT_AT}}</time>{{/NEXT}}</dd>
<dt>Last error</dt><dd>{{ERROR}}</dd>
</dl>
{{#SENSITIVE}}<p class="muted">This message carries a one-time link: its text is not shown here, and it is erased once the message is sent.</p>{{/SENSITIVE}}
{{#BODY}}<h2>Text</h2><div class="pre">{{TEXT:pre_escape}}</div>{{/BODY}}
</section>
