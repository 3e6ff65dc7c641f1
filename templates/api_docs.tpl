{{%AUTOESCAPE context="HTML"}}<header class="page-head"><div><p class="crumbs"><a href="/settings/api-keys">API keys</a></p><h1>{{TITLE}} <small>{{VERSION}}</small></h1></div></header>
<p class="measure">{{DESCRIPTION}}</p>
<p class="hint">Base URL <code>{{SERVER}}</code>. The same description for programs and code generators: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI {{OPENAPI}}).</p>
<nav aria-labelledby="toc-h" class="card"><h2 id="toc-h">Endpoints</h2>
<ul class="api-toc">{{#OP}}<li><a href="#{{ANCHOR}}"><code>{{METHOD}} {{PATH}}</code></a> {{SUMMARY}}</li>
{{/OP}}</ul></nav>
{{#OP}}<section class="api-op" id="{{ANCHOR}}" aria-labelledby="{{ANCHOR}}-h">
<h2 id="{{ANCHOR}}-h"><code>{{METHOD}} {{PATH}}</code></h2>
<p>{{SUMMARY}}{{#OPEN}} <span class="muted">(no key needed)</span>{{/OPEN}}</p>{{#DESC}}<p class="measure">{{TEXT}}</p>{{/DESC}}
{{#HAS_PARAMS}}<h3>Parameters</h3>
<table class="grid"><thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Type</th><th scope="col">Required</th><th scope="col">Notes</th></tr></thead>
<tbody>{{#PARAM}}<tr><td data-label="Name"><code>{{NAME}}</code></td><td data-label="In">{{IN}}</td><td data-label="Type">{{TYPE}}{{#REF}} <a href="#schema-{{RNAME}}">{{RNAME}}</a>{{/REF}}</td><td data-label="Required">{{REQUIRED}}</td><td data-label="Notes">{{NOTES}}</td></tr>
{{/PARAM}}</tbody></table>{{/HAS_PARAMS}}
{{#BODY}}<h3>Body</h3><p><code>{{CTYPE}}</code>: {{TYPE}}{{#REF}} <a href="#schema-{{RNAME}}">{{RNAME}}</a>{{/REF}}</p>{{/BODY}}
<h3>Answers</h3>
<table class="grid"><thead><tr><th scope="col">Status</th><th scope="col">When</th><th scope="col">Body</th></tr></thead>
<tbody>{{#RESPONSE}}<tr><td data-label="Status"><code>{{STATUS}}</code></td><td data-label="When">{{DESCRIPTION}}</td><td data-label="Body"><code>{{CTYPE}}</code> {{TYPE}}{{#REF}} <a href="#schema-{{RNAME}}">{{RNAME}}</a>{{/REF}}</td></tr>
{{/RESPONSE}}</tbody></table>
</section>
{{/OP}}
<h2 id="schemas-h">Schemas</h2>
{{#SCHEMA}}<section class="api-schema" id="schema-{{NAME}}" aria-labelledby="schema-{{NAME}}-h">
<h3 id="schema-{{NAME}}-h">{{NAME}}</h3>{{#DESC}}<p class="measure">{{TEXT}}</p>{{/DESC}}
<table class="grid"><thead><tr><th scope="col">Property</th><th scope="col">Type</th><th scope="col">Required</th><th scope="col">Notes</th></tr></thead>
<tbody>{{#PROP}}<tr><td data-label="Property"><code>{{NAME}}</code></td><td data-label="Type">{{TYPE}}{{#REF}} <a href="#schema-{{RNAME}}">{{RNAME}}</a>{{/REF}}</td><td data-label="Required">{{REQUIRED}}</td><td data-label="Notes">{{NOTES}}</td></tr>
{{/PROP}}{{#PLAIN}}<tr><td data-label="Property"><span class="muted">(the value itself)</span></td><td data-label="Type">{{TYPE}}{{#REF}} <a href="#schema-{{RNAME}}">{{RNAME}}</a>{{/REF}}</td><td data-label="Required">yes</td><td></td></tr>{{/PLAIN}}</tbody></table>
</section>
{{/SCHEMA}}
