{{%AUTOESCAPE context="HTML"}}{{>OCC_NAV}}
<section class="tab-body devices">
<header class="section-head"><h2>Devices at {{SITE_NAME}}</h2></header>
{{#HAS_TOP_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Nothing was changed:</p><ul>{{#TOP_ERRORS}}<li>{{MSG}}</li>{{/TOP_ERRORS}}</ul></div>{{/HAS_TOP_ERRORS}}
<div class="infra" role="group" aria-label="Provisioned infrastructure">
<h3>Provisioned infrastructure</h3>
<ul>{{#INFRA}}<li{{#OVER}} class="over"{{/OVER}}><span class="infra-label">{{LABEL}}</span> <span class="frac">{{FRACTION}}</span></li>{{/INFRA}}</ul>
<p class="hint">In use / allocated (active and scheduled services). A device cannot be activated beyond its allocation: add services on the Services tab for more.</p>
</div>

<section class="floor" id="switch-ports" aria-labelledby="h-ports">
<h2 id="h-ports">Switch ports <span class="frac">{{PORTS_FRACTION}}</span></h2>
{{#HAS_PORTS}}<table class="grid">
<thead><tr><th scope="col">Label</th><th scope="col">Floor</th><th scope="col">Switch</th><th scope="col" class="num">Switch port</th><th scope="col">Role</th><th scope="col">State</th></tr></thead>
<tbody>
{{#PORT}}<tr><td data-label="Label">{{LABEL}}</td><td data-label="Floor">{{FLOOR}}</td><td data-label="Switch">{{SWITCH}}</td><td class="num" data-label="Switch port">{{SWITCH_PORT}}</td><td data-label="Role">{{ROLE}}</td><td data-label="State"><span class="badge {{STATE_CLASS}}">{{STATE}}</span></td></tr>
{{/PORT}}</tbody>
</table>{{/HAS_PORTS}}
{{#NO_PORTS}}<p class="muted">No floor port is assigned to {{OCC_NAME}} at {{SITE_NAME}}.</p>{{/NO_PORTS}}
<p><a href="/sites/{{SITE_ID}}/ports">Assign, activate and deactivate floor ports</a> on the site's floor ports screen.</p>
</section>

<section class="floor" id="telephony-extensions" aria-labelledby="h-phone">
<h2 id="h-phone">Telephony extensions <span class="frac">{{PHONE_FRACTION}}</span></h2>
<p>{{PHONE_ACTIVE}} active phone numbers. <a href="/occupiers/{{OCC_ID}}/sites/{{SITE_ID}}/telephony">Activate and deactivate numbers on the Telephony tab</a>.</p>
</section>

<section class="floor" id="public-ip-addresses" aria-labelledby="h-ip">
<h2 id="h-ip">Public IP addresses <span class="frac">{{IP_FRACTION}}</span></h2>
{{#HAS_IPS}}<table class="grid">
<thead><tr><th scope="col">Address</th><th scope="col">Block</th><th scope="col">State</th><th scope="col">Device MAC</th><th scope="col" class="act"><span class="sr">Actions</span></th></tr></thead>
<tbody>
{{#IP}}<tr><td data-label="Address">{{ADDRESS}}</td><td data-label="Block">{{BLOCK}}</td><td data-label="State"><span class="badge {{STATE_CLASS}}">{{STATE}}</span></td><td data-label="Device MAC">{{MAC}}</td><td class="act" data-label="Actions">{{#CAN_ACTIVATE}}<form method="post" action="/occupiers/{{OCC_ID}}/sites/{{SITE_ID}}/devices" class="inline" novalidate><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="ip_activate"><input type="hidden" name="ip" value="{{ID}}"><label class="sr" for="mac-{{ID}}">Device MAC address for {{ADDRESS}}</label><input id="mac-{{ID}}" name="mac" value="{{MAC_VALUE}}" size="17" maxlength="64" placeholder="aa:bb:cc:dd:ee:ff" autocomplete="off"{{#MAC_INVALID}} aria-invalid="true" aria-describedby="e-mac-{{ID}}"{{/MAC_INVALID}}> <button type="submit" class="small">Activate<span class="sr"> {{ADDRESS}}</span></button>{{#MAC_INVALID}}<p class="err" id="e-mac-{{ID}}">{{MAC_ERR}}</p>{{/MAC_INVALID}}</form>{{/CAN_ACTIVATE}}{{#CAN_DEACTIVATE}}<form method="post" action="/occupiers/{{OCC_ID}}/sites/{{SITE_ID}}/devices" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="ip_deactivate"><input type="hidden" name="ip" value="{{ID}}"><button type="submit" class="small">Deactivate<span class="sr"> {{ADDRESS}}</span></button></form>{{/CAN_DEACTIVATE}}</td></tr>
{{/IP}}</tbody>
</table>{{/HAS_IPS}}
{{#NO_IPS}}<p class="muted">No public IP address is assigned to {{OCC_NAME}} at {{SITE_NAME}}: addresses come from the site's pool with the Public IP service.</p>{{/NO_IPS}}
</section>

{{#WIFI_DEVICES}}<section class="floor" id="wifi-devices" aria-labelledby="h-wifi-devices">
<h2 id="h-wifi-devices">Wi-Fi devices <span class="frac">{{FRACTION}}</span></h2>
{{#HAS_ROWS}}<table class="grid">
<thead><tr><th scope="col">MAC address</th><th scope="col">Label</th><th scope="col">State</th><th scope="col" class="act"><span class="sr">Actions</span></th></tr></thead>
<tbody>
{{#ROW}}<tr><td data-label="MAC address">{{IDENT}}</td><td data-label="Label">{{LABEL}}</td><td data-label="State"><span class="badge {{STATE_CLASS}}">{{STATE}}</span></td><td class="act" data-label="Actions"><form method="post" action="/occupiers/{{OCC_ID}}/sites/{{SITE_ID}}/devices" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="device" value="{{ID}}">{{#CAN_ACTIVATE}}<button type="submit" name="op" value="activate" class="small">Activate<span class="sr"> {{IDENT}}</span></button> {{/CAN_ACTIVATE}}{{#CAN_DEACTIVATE}}<button type="submit" name="op" value="deactivate" class="small">Deactivate<span class="sr"> {{IDENT}}</span></button> {{/CAN_DEACTIVATE}}{{#CAN_REMOVE}}<button type="submit" name="op" value="remove" class="small">Remove<span class="sr"> {{IDENT}}</span></button>{{/CAN_REMOVE}}</form></td></tr>
{{/ROW}}</tbody>
</table>{{/HAS_ROWS}}
{{#NO_ROWS}}<p class="muted">No Wi-Fi device is registered yet.</p>{{/NO_ROWS}}
<form class="card form" method="post" action="/occupiers/{{OCC_ID}}/sites/{{SITE_ID}}/devices#wifi-devices" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="register"><input type="hidden" name="type" value="{{TYPE}}">
<h3>Register a Wi-Fi device</h3>
{{#HAS_ERRORS}}<div class="errors" role="alert"><p>Not registered:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
<div class="row2">
<div class="field{{#F_IDENTIFIER_INVALID}} invalid{{/F_IDENTIFIER_INVALID}}"><label for="f-identifier-wifi_device">MAC address</label>
<input id="f-identifier-wifi_device" name="identifier" value="{{F_IDENTIFIER}}" maxlength="64" placeholder="aa:bb:cc:dd:ee:ff" autocomplete="off"{{#F_IDENTIFIER_INVALID}} aria-invalid="true" aria-describedby="e-identifier-wifi_device"{{/F_IDENTIFIER_INVALID}}>
{{#F_IDENTIFIER_INVALID}}<p class="err" id="e-identifier-wifi_device">{{F_IDENTIFIER_ERR}}</p>{{/F_IDENTIFIER_INVALID}}</div>
<div class="field{{#F_LABEL_INVALID}} invalid{{/F_LABEL_INVALID}}"><label for="f-label-wifi_device">Label <span class="opt">(optional)</span></label>
<input id="f-label-wifi_device" name="label" value="{{F_LABEL}}" maxlength="128" placeholder="Reception laptop">
{{#F_LABEL_INVALID}}<p class="err">{{F_LABEL_ERR}}</p>{{/F_LABEL_INVALID}}</div>
</div>
<p class="hint wifi-hint">{{WIFI_HINT}}</p>
<p class="hint">Registered here, a device waits for Activate.</p>
<button type="submit">Register Wi-Fi device</button>
</form>
</section>{{/WIFI_DEVICES}}

{{#WIFI_ACCOUNTS}}<section class="floor" id="wifi-accounts" aria-labelledby="h-wifi-accounts">
<h2 id="h-wifi-accounts">Wi-Fi accounts <span class="frac">{{FRACTION}}</span></h2>
{{#HAS_ROWS}}<table class="grid">
<thead><tr><th scope="col">Account name</th><th scope="col">Label</th><th scope="col">State</th><th scope="col" class="act"><span class="sr">Actions</span></th></tr></thead>
<tbody>
{{#ROW}}<tr><td data-label="Account name">{{IDENT}}</td><td data-label="Label">{{LABEL}}</td><td data-label="State"><span class="badge {{STATE_CLASS}}">{{STATE}}</span></td><td class="act" data-label="Actions"><form method="post" action="/occupiers/{{OCC_ID}}/sites/{{SITE_ID}}/devices" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="device" value="{{ID}}">{{#CAN_ACTIVATE}}<button type="submit" name="op" value="activate" class="small">Activate<span class="sr"> {{IDENT}}</span></button> {{/CAN_ACTIVATE}}{{#CAN_DEACTIVATE}}<button type="submit" name="op" value="deactivate" class="small">Deactivate<span class="sr"> {{IDENT}}</span></button> {{/CAN_DEACTIVATE}}{{#CAN_REMOVE}}<button type="submit" name="op" value="remove" class="small">Remove<span class="sr"> {{IDENT}}</span></button>{{/CAN_REMOVE}}</form></td></tr>
{{/ROW}}</tbody>
</table>{{/HAS_ROWS}}
{{#NO_ROWS}}<p class="muted">No Wi-Fi account is registered yet.</p>{{/NO_ROWS}}
<form class="card form" method="post" action="/occupiers/{{OCC_ID}}/sites/{{SITE_ID}}/devices#wifi-accounts" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="register"><input type="hidden" name="type" value="{{TYPE}}">
<h3>Register a Wi-Fi account</h3>
{{#HAS_ERRORS}}<div class="errors" role="alert"><p>Not registered:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
<div class="row2">
<div class="field{{#F_IDENTIFIER_INVALID}} invalid{{/F_IDENTIFIER_INVALID}}"><label for="f-identifier-wifi_account">Account name</label>
<input id="f-identifier-wifi_account" name="identifier" value="{{F_IDENTIFIER}}" maxlength="64" placeholder="j.smith@example" autocomplete="off"{{#F_IDENTIFIER_INVALID}} aria-invalid="true" aria-describedby="e-identifier-wifi_account"{{/F_IDENTIFIER_INVALID}}>
{{#F_IDENTIFIER_INVALID}}<p class="err" id="e-identifier-wifi_account">{{F_IDENTIFIER_ERR}}</p>{{/F_IDENTIFIER_INVALID}}</div>
<div class="field{{#F_LABEL_INVALID}} invalid{{/F_LABEL_INVALID}}"><label for="f-label-wifi_account">Label <span class="opt">(optional)</span></label>
<input id="f-label-wifi_account" name="label" value="{{F_LABEL}}" maxlength="128" placeholder="Finance team">
{{#F_LABEL_INVALID}}<p class="err">{{F_LABEL_ERR}}</p>{{/F_LABEL_INVALID}}</div>
</div>
<p class="hint">3 to 64 characters: letters, digits and . _ @ -</p>
<button type="submit">Register Wi-Fi account</button>
</form>
</section>{{/WIFI_ACCOUNTS}}
</section>
