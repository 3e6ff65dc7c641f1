{{%AUTOESCAPE context="HTML"}}<header class="page-head"><div>
<p class="crumbs"><a href="/catalog">Catalog</a></p>
<h1>Add a service</h1><p class="sub">It is offered at the sites ticked from the moment it is saved.</p></div></header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Nothing was saved:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
<section class="card">
<form method="post" action="/catalog/new" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field{{#F_CODE_INVALID}} invalid{{/F_CODE_INVALID}}"><label for="f-code">Code</label>
<input id="f-code" name="code" value="{{F_CODE}}" maxlength="48"{{#F_CODE_INVALID}} aria-invalid="true" aria-describedby="e-code"{{/F_CODE_INVALID}}>
{{#F_CODE_INVALID}}<p class="err" id="e-code">{{F_CODE_ERR}}</p>{{/F_CODE_INVALID}}</div>
<div class="field{{#F_NAME_INVALID}} invalid{{/F_NAME_INVALID}}"><label for="f-name">Name</label>
<input id="f-name" name="name" value="{{F_NAME}}" maxlength="200"{{#F_NAME_INVALID}} aria-invalid="true" aria-describedby="e-name"{{/F_NAME_INVALID}}>
{{#F_NAME_INVALID}}<p class="err" id="e-name">{{F_NAME_ERR}}</p>{{/F_NAME_INVALID}}</div>
<div class="field{{#F_CATEGORY_INVALID}} invalid{{/F_CATEGORY_INVALID}}"><label for="f-svc-category">Category</label>
<select id="f-svc-category" name="category"{{#F_CATEGORY_INVALID}} aria-invalid="true" aria-describedby="e-category"{{/F_CATEGORY_INVALID}}><option value="">Choose…</option>{{#SVC_CAT}}<option{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/SVC_CAT}}</select>
{{#F_CATEGORY_INVALID}}<p class="err" id="e-category">{{F_CATEGORY_ERR}}</p>{{/F_CATEGORY_INVALID}}</div>
<div class="field{{#F_COST_INVALID}} invalid{{/F_COST_INVALID}}"><label for="f-cost">Cost (per unit per month)</label>
<input id="f-cost" name="cost" inputmode="decimal" value="{{F_COST}}"{{#F_COST_INVALID}} aria-invalid="true" aria-describedby="e-cost"{{/F_COST_INVALID}}>
{{#F_COST_INVALID}}<p class="err" id="e-cost">{{F_COST_ERR}}</p>{{/F_COST_INVALID}}</div>
<div class="field{{#F_RRP_INVALID}} invalid{{/F_RRP_INVALID}}"><label for="f-rrp">RRP (per unit per month)</label>
<input id="f-rrp" name="rrp" inputmode="decimal" value="{{F_RRP}}"{{#F_RRP_INVALID}} aria-invalid="true" aria-describedby="e-rrp"{{/F_RRP_INVALID}}>
{{#F_RRP_INVALID}}<p class="err" id="e-rrp">{{F_RRP_ERR}}</p>{{/F_RRP_INVALID}}</div>
<div class="field{{#F_DESCRIPTION_INVALID}} invalid{{/F_DESCRIPTION_INVALID}}"><label for="f-description">Description (the tooltip in Available services)</label>
<textarea id="f-description" name="description" rows="3" maxlength="1000"{{#F_DESCRIPTION_INVALID}} aria-invalid="true" aria-describedby="e-description"{{/F_DESCRIPTION_INVALID}}>{{F_DESCRIPTION:pre_escape}}</textarea>
{{#F_DESCRIPTION_INVALID}}<p class="err" id="e-description">{{F_DESCRIPTION_ERR}}</p>{{/F_DESCRIPTION_INVALID}}</div>
<fieldset class="field"><legend>Entitles, per unit</legend>
<div class="field{{#F_ENT_SWITCH_PORTS_INVALID}} invalid{{/F_ENT_SWITCH_PORTS_INVALID}}"><label for="f-ent_switch_ports">Switch ports</label><input id="f-ent_switch_ports" name="ent_switch_ports" inputmode="numeric" size="5" value="{{F_ENT_SWITCH_PORTS}}"{{#F_ENT_SWITCH_PORTS_INVALID}} aria-invalid="true" aria-describedby="e-ent_switch_ports"{{/F_ENT_SWITCH_PORTS_INVALID}}>{{#F_ENT_SWITCH_PORTS_INVALID}}<p class="err" id="e-ent_switch_ports">{{F_ENT_SWITCH_PORTS_ERR}}</p>{{/F_ENT_SWITCH_PORTS_INVALID}}</div>
<div class="field{{#F_ENT_PHONE_EXT_INVALID}} invalid{{/F_ENT_PHONE_EXT_INVALID}}"><label for="f-ent_phone_ext">Telephony extensions</label><input id="f-ent_phone_ext" name="ent_phone_ext" inputmode="numeric" size="5" value="{{F_ENT_PHONE_EXT}}"{{#F_ENT_PHONE_EXT_INVALID}} aria-invalid="true" aria-describedby="e-ent_phone_ext"{{/F_ENT_PHONE_EXT_INVALID}}>{{#F_ENT_PHONE_EXT_INVALID}}<p class="err" id="e-ent_phone_ext">{{F_ENT_PHONE_EXT_ERR}}</p>{{/F_ENT_PHONE_EXT_INVALID}}</div>
<div class="field{{#F_ENT_PUBLIC_IP_INVALID}} invalid{{/F_ENT_PUBLIC_IP_INVALID}}"><label for="f-ent_public_ip">Public IP addresses</label><input id="f-ent_public_ip" name="ent_public_ip" inputmode="numeric" size="5" value="{{F_ENT_PUBLIC_IP}}"{{#F_ENT_PUBLIC_IP_INVALID}} aria-invalid="true" aria-describedby="e-ent_public_ip"{{/F_ENT_PUBLIC_IP_INVALID}}>{{#F_ENT_PUBLIC_IP_INVALID}}<p class="err" id="e-ent_public_ip">{{F_ENT_PUBLIC_IP_ERR}}</p>{{/F_ENT_PUBLIC_IP_INVALID}}</div>
<div class="field{{#F_ENT_WIFI_DEVICES_INVALID}} invalid{{/F_ENT_WIFI_DEVICES_INVALID}}"><label for="f-ent_wifi_devices">Wi-Fi devices</label><input id="f-ent_wifi_devices" name="ent_wifi_devices" inputmode="numeric" size="5" value="{{F_ENT_WIFI_DEVICES}}"{{#F_ENT_WIFI_DEVICES_INVALID}} aria-invalid="true" aria-describedby="e-ent_wifi_devices"{{/F_ENT_WIFI_DEVICES_INVALID}}>{{#F_ENT_WIFI_DEVICES_INVALID}}<p class="err" id="e-ent_wifi_devices">{{F_ENT_WIFI_DEVICES_ERR}}</p>{{/F_ENT_WIFI_DEVICES_INVALID}}</div>
<div class="field{{#F_ENT_WIFI_ACCOUNTS_INVALID}} invalid{{/F_ENT_WIFI_ACCOUNTS_INVALID}}"><label for="f-ent_wifi_accounts">Wi-Fi accounts</label><input id="f-ent_wifi_accounts" name="ent_wifi_accounts" inputmode="numeric" size="5" value="{{F_ENT_WIFI_ACCOUNTS}}"{{#F_ENT_WIFI_ACCOUNTS_INVALID}} aria-invalid="true" aria-describedby="e-ent_wifi_accounts"{{/F_ENT_WIFI_ACCOUNTS_INVALID}}>{{#F_ENT_WIFI_ACCOUNTS_INVALID}}<p class="err" id="e-ent_wifi_accounts">{{F_ENT_WIFI_ACCOUNTS_ERR}}</p>{{/F_ENT_WIFI_ACCOUNTS_INVALID}}</div>
</fieldset>
<fieldset class="field"><legend>Offered at, and the RRP there (empty: the RRP above)</legend>
{{#SITE}}<div class="field{{#SITE_RRP_INVALID}} invalid{{/SITE_RRP_INVALID}}"><label class="check"><input type="checkbox" name="site" value="{{ID}}"{{#CHECKED}} checked{{/CHECKED}}> {{NAME}}</label> <label class="sr" for="f-site_rrp_{{ID}}">RRP at {{NAME}}</label><input id="f-site_rrp_{{ID}}" name="site_rrp_{{ID}}" inputmode="decimal" size="8" value="{{SITE_RRP}}" placeholder="RRP"{{#SITE_RRP_INVALID}} aria-invalid="true" aria-describedby="e-site_rrp_{{ID}}"{{/SITE_RRP_INVALID}}>{{#SITE_RRP_INVALID}}<p class="err" id="e-site_rrp_{{ID}}">{{SITE_RRP_ERR}}</p>{{/SITE_RRP_INVALID}}</div>{{/SITE}}
</fieldset>
<label class="check"><input type="checkbox" name="needs_case" value="1"{{#NEEDS_CASE}} checked{{/NEEDS_CASE}}> Needs a support case to set up (as IVR and conference bridges)</label>
<label class="check"><input type="checkbox" name="needs_device" value="1"{{#NEEDS_DEVICE}} checked{{/NEEDS_DEVICE}}> Starts only once its ports are active (as Internet services)</label>
<button type="submit" class="primary">Add the service</button>
</form>
</section>
