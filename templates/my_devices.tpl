{{%AUTOESCAPE context="HTML"}}{{>OCC_NAV}}
<section class="tab-body">
<header class="section-head">
<h2>Devices at {{SITE_NAME}}</h2>
</header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Nothing was registered:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
<div class="infra" role="group" aria-label="Devices in use and allocated">
<ul><li><span class="infra-label">Wi-Fi devices</span> <span class="frac" id="wifi-devices">{{WIFI_DEVICES}}</span></li><li><span class="infra-label">Wi-Fi accounts</span> <span class="frac">{{WIFI_ACCOUNTS}}</span></li><li><span class="infra-label">Public IP addresses</span> <span class="frac">{{PUBLIC_IPS}}</span></li></ul>
<p class="hint">Active / allocated by your active and scheduled services.</p>
</div>
<h3>Wi-Fi devices and accounts</h3>
{{#HAS_DEVICES}}<table class="grid devices">
<thead><tr><th scope="col">Type</th><th scope="col">MAC address or account</th><th scope="col">Label</th><th scope="col">State</th></tr></thead>
<tbody>
{{#DEVICE}}<tr><td data-label="Type">{{TYPE}}</td><td class="nowrap" data-label="MAC address or account">{{IDENTIFIER}}</td><td data-label="Label">{{LABEL}}</td><td data-label="State"><span class="badge {{STATE_CLASS}}">{{STATE}}</span></td></tr>
{{/DEVICE}}</tbody>
</table>{{/HAS_DEVICES}}
{{#NO_DEVICES}}<div class="empty"><p>It is empty here: no Wi-Fi devices or accounts are registered at {{SITE_NAME}}.</p></div>{{/NO_DEVICES}}
{{#CAN_REGISTER}}<form class="card form" method="post" action="{{ACTION}}" novalidate>
<h3>Register a Wi-Fi device</h3>
<p class="hint wifi-hint">{{WIFI_HINT}}</p>
<p class="hint">Registered here, a device is active at once.</p>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field{{#F_IDENTIFIER_INVALID}} invalid{{/F_IDENTIFIER_INVALID}}">
<label for="f-identifier">MAC address <span class="req">(required)</span></label>
<input id="f-identifier" name="identifier" type="text" maxlength="64" required placeholder="aa:bb:cc:dd:ee:ff" value="{{F_IDENTIFIER}}"{{#F_IDENTIFIER_INVALID}} aria-invalid="true" aria-describedby="e-identifier"{{/F_IDENTIFIER_INVALID}}>
{{#F_IDENTIFIER_INVALID}}<p class="err" id="e-identifier">{{F_IDENTIFIER_ERR}}</p>{{/F_IDENTIFIER_INVALID}}
</div>
<div class="field{{#F_LABEL_INVALID}} invalid{{/F_LABEL_INVALID}}">
<label for="f-label">Label</label>
<input id="f-label" name="label" type="text" maxlength="128" placeholder="Reception laptop" value="{{F_LABEL}}"{{#F_LABEL_INVALID}} aria-invalid="true" aria-describedby="e-label"{{/F_LABEL_INVALID}}>
{{#F_LABEL_INVALID}}<p class="err" id="e-label">{{F_LABEL_ERR}}</p>{{/F_LABEL_INVALID}}
</div>
<div class="buttons"><button type="submit" class="primary">Register device</button></div>
</form>{{/CAN_REGISTER}}
{{#NO_WIFI}}<div class="empty" id="no-wifi"><p>Your services at {{SITE_NAME}} include no Wi-Fi devices (0/0), so there is nothing to register a device against. Ask {{OPERATOR_NAME}} to add a Wi-Fi devices pack to your services, or <a href="/my/cases/new?category=wifi">raise a case</a>.</p></div>{{/NO_WIFI}}
{{#HAS_IPS}}<h3>Public IP addresses</h3>
<table class="grid ips">
<thead><tr><th scope="col">Address</th><th scope="col">Block</th><th scope="col">State</th></tr></thead>
<tbody>
{{#IP}}<tr><td class="nowrap" data-label="Address">{{ADDRESS}}</td><td data-label="Block">{{BLOCK}}</td><td data-label="State"><span class="badge {{STATE_CLASS}}">{{STATE}}</span></td></tr>
{{/IP}}</tbody>
</table>{{/HAS_IPS}}
</section>
