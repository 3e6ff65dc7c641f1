{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<h1>Search</h1>
</header>
<form class="toolbar" method="get" action="/search" role="search">
<label for="search-q">Phone number, IP, MAC or port label</label>
<input id="search-q" name="find" type="search" value="{{Q}}" maxlength="100">
<button type="submit">Search</button>
<span class="count">{{COUNT}}</span>
</form>
{{#NO_QUERY}}<div class="empty"><p>Type a phone number (any formatting), an IP address, a MAC address or a floor-port label to find it.</p></div>{{/NO_QUERY}}
{{#NOTHING}}<div class="empty"><p>Nothing found for “{{Q}}”: no phone number, IP address, MAC address or floor-port label of yours matches it.</p></div>{{/NOTHING}}
{{#KIND}}<section class="found" aria-label="{{HEADING}}">
<h2>{{HEADING}}</h2>
<table class="grid">
<thead><tr><th scope="col">Found</th><th scope="col">State</th><th scope="col">Occupier</th><th scope="col">Site</th></tr></thead>
<tbody>
{{#FOUND}}<tr><td data-label="Found"><strong>{{TEXT}}</strong>{{#DETAIL}}<br><small>{{TEXT}}</small>{{/DETAIL}}</td><td data-label="State">{{STATE}}</td><td data-label="Occupier">{{#HOLDER}}<a href="/occupiers/{{OCC_ID}}">{{OCCUPIER}}</a> · <a href="/occupiers/{{OCC_ID}}/sites/{{SITE_ID}}/{{TAB}}">manage</a>{{/HOLDER}}{{#NO_HOLDER}}—{{/NO_HOLDER}}</td><td data-label="Site"><a href="/sites/{{SITE_ID}}/{{SCREEN}}">{{SITE}}</a></td></tr>
{{/FOUND}}</tbody>
</table>
</section>
{{/KIND}}
