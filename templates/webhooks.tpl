{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div>
{{#ONE}}<p class="crumbs"><a href="/settings/webhooks">Webhooks</a></p>{{/ONE}}
<h1>{{HEADING}}</h1>
<p class="sub">Tenantry POSTs a signed JSON message to each endpoint when something it asked for happens: occupiers, contracts, services plans, numbers, devices, cases, invoices.</p>
</div>
</header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Nothing was saved:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
{{#SECRET_SHOWN}}<div class="notice" id="secret-shown"><p>{{SECRET_NOTE}}</p><p>Signing secret: <code id="webhook-secret">{{SECRET}}</code> <button type="button" class="small js-only" data-copy="webhook-secret">Copy</button></p>{{#SECRET_LINK}}<p><a href="/settings/webhooks/{{ID}}">Open the endpoint</a></p>{{/SECRET_LINK}}</div>{{/SECRET_SHOWN}}
{{#LIST}}{{#HAS_ROWS}}<table class="grid webhooks">
<thead><tr><th scope="col">URL</th><th scope="col">Events</th><th scope="col">State</th><th scope="col">Private address</th></tr></thead>
<tbody>
{{#ROW}}<tr><td data-label="URL"><a href="/settings/webhooks/{{ID}}">{{URL}}</a></td><td data-label="Events">{{EVENTS}}</td><td data-label="State"><span class="badge {{STATE_CLASS}}">{{STATE}}</span></td><td data-label="Private address">{{PRIVATE}}</td></tr>
{{/ROW}}</tbody>
</table>{{/HAS_ROWS}}
{{#EMPTY}}<div class="empty"><p>No endpoints yet: add one below.</p></div>{{/EMPTY}}
<h2>Add an endpoint</h2>{{/LIST}}
<form class="card form" method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="save"><input type="hidden" name="version" value="{{F_VERSION}}">
<div class="field{{#F_URL_INVALID}} invalid{{/F_URL_INVALID}}"><label for="f-url">URL <span class="req">(required)</span></label>
<input id="f-url" name="url" type="url" maxlength="2000" value="{{F_URL}}" placeholder="https://hooks.example.com/tenantry"{{#F_URL_INVALID}} aria-invalid="true" aria-describedby="e-url"{{/F_URL_INVALID}}>
{{#F_URL_INVALID}}<p class="err" id="e-url">{{F_URL_ERR}}</p>{{/F_URL_INVALID}}
<p class="hint">https only. Addresses of private networks, loopback and link-local are refused, also when the name resolves to one at sending time, unless you allow them below.</p></div>
<fieldset class="field{{#F_EVENTS_INVALID}} invalid{{/F_EVENTS_INVALID}}" id="f-events"><legend>Events to send</legend>
{{#EVENT}}<label class="check"><input type="checkbox" name="ev.{{NAME}}" value="1"{{#CHECKED}} checked{{/CHECKED}}> <code>{{NAME}}</code>: {{LABEL}}</label>
{{/EVENT}}{{#F_EVENTS_INVALID}}<p class="err" id="e-events">{{F_EVENTS_ERR}}</p>{{/F_EVENTS_INVALID}}</fieldset>
<label class="check"><input type="checkbox" name="enabled" value="1"{{#ENABLED}} checked{{/ENABLED}}> Enabled (events are queued and sent)</label>
<label class="check"><input type="checkbox" name="allow_private" value="1"{{#ALLOW_PRIVATE}} checked{{/ALLOW_PRIVATE}}> Allow a private address (your own network, loopback or link-local): only for a receiver you run inside it</label>
<p class="actions"><button type="submit">{{SUBMIT}}</button></p>
</form>
{{#ONE}}<h2>Signing secret</h2>
<form class="inline" method="post" action="/settings/webhooks/{{ID}}"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" name="op" value="reveal">Reveal secret</button> <button type="submit" name="op" value="rotate" class="secondary">Rotate secret</button></form>
<h2>Events</h2>
{{#HAS_DELIVERIES}}<table class="grid webhook-deliveries">
<thead><tr><th scope="col">Event</th><th scope="col">Event id</th><th scope="col">State</th><th scope="col" class="num">Attempts</th><th scope="col">Last status</th><th scope="col">Occurred</th><th scope="col"></th></tr></thead>
<tbody>
{{#DELIVERY}}<tr id="delivery-{{ID}}"><td data-label="Event">{{TYPE}}</td><td data-label="Event id"><code>{{EVENT_ID}}</code></td><td data-label="State"><span class="badge {{STATE_CLASS}}">{{STATE}}</span></td><td class="num" data-label="Attempts">{{ATTEMPTS}}</td><td data-label="Last status">{{STATUS}} {{ERROR}}</td><td class="nowrap" data-label="Occurred"><time datetime="{{CREATED_ISO}}">{{CREATED}}</time></td><td>{{#CAN_REDELIVER}}<form class="inline" method="post" action="/settings/webhooks/{{EP}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="delivery" value="{{ID}}"><button type="submit" name="op" value="redeliver" class="small">Redeliver</button></form>{{/CAN_REDELIVER}}</td></tr>
{{/DELIVERY}}</tbody>
</table>{{/HAS_DELIVERIES}}
{{#NO_DELIVERIES}}<div class="empty"><p>No events for this endpoint yet.</p></div>{{/NO_DELIVERIES}}
<h2>Delivery log</h2>
{{#HAS_LOG}}<table class="grid webhook-log">
<thead><tr><th scope="col">Time</th><th scope="col">Event</th><th scope="col">Status</th><th scope="col" class="num">Duration (ms)</th><th scope="col">Error</th></tr></thead>
<tbody>
{{#ATTEMPT}}<tr><td class="nowrap" data-label="Time"><time datetime="{{AT_ISO}}">{{AT}}</time></td><td data-label="Event">{{TYPE}} <code>{{EVENT_ID}}</code></td><td data-label="Status">{{STATUS}}</td><td class="num" data-label="Duration (ms)">{{DURATION}}</td><td data-label="Error">{{ERROR}}</td></tr>
{{/ATTEMPT}}</tbody>
</table>{{/HAS_LOG}}
{{#NO_LOG}}<div class="empty"><p>Nothing sent yet.</p></div>{{/NO_LOG}}{{/ONE}}
