{{%AUTOESCAPE context="HTML"}}<article class="invoice-doc{{#DRAFT}} draft{{/DRAFT}}" aria-label="{{KIND}} {{TITLE}}">
<header class="inv-head">
<div class="seller">
<p class="seller-name">{{SELLER_NAME}}</p>
<p class="addr">{{#SELLER_ADDR}}{{LINE}}<br>{{/SELLER_ADDR}}</p>
{{#SELLER_VAT}}<p>VAT registration number {{VAT}}</p>{{/SELLER_VAT}}
{{#SELLER_EMAIL}}<p>{{EMAIL}}</p>{{/SELLER_EMAIL}}
</div>
<div class="doc-id">
<h2>{{KIND}}</h2>
{{#DRAFT}}<p class="draft-mark">Draft: not issued, not a VAT invoice</p>{{/DRAFT}}
<dl>
{{#ISSUED}}<dt>Number</dt><dd class="doc-number">{{NUMBER}}</dd>
<dt>Date of issue (tax point)</dt><dd>{{ISSUE}}</dd>
{{#DUE}}<dt>Payment due</dt><dd>{{DATE}}</dd>{{/DUE}}{{/ISSUED}}
{{#PERIOD}}<dt>Period</dt><dd>{{MONTH}} {{MODE}}</dd>{{/PERIOD}}
{{#SITE}}<dt>Site</dt><dd>{{NAME}}</dd>{{/SITE}}
{{#CREDIT_OF}}<dt>Credits invoice</dt><dd><a href="{{BASE}}/{{INV_ID}}">{{NUMBER}}</a></dd>{{/CREDIT_OF}}
</dl>
</div>
</header>
<section class="bill-to">
<h3>{{BILL_HEADING}}</h3>
<p class="bill-name">{{BILL_NAME}}</p>
<p class="addr">{{#BILL_ADDR}}{{LINE}}<br>{{/BILL_ADDR}}</p>
{{#BILL_VAT}}<p>VAT registration number {{VAT}}</p>{{/BILL_VAT}}
{{#BILL_REF}}<p>Your reference {{REF}}</p>{{/BILL_REF}}
</section>
<table class="grid inv-lines">
<thead><tr><th scope="col">Description</th><th scope="col" class="num">VAT rate</th><th scope="col" class="num">VAT</th><th scope="col" class="num">Net ({{CURRENCY}})</th><th scope="col" class="act noprint"><span class="sr">Actions</span></th></tr></thead>
<tbody>
{{#LINE}}<tr><td data-label="Description"><span class="line-desc">{{DESC}}</span><br><small class="muted">{{DETAIL}}</small>{{#CREDITED}}<br><small>Credited by <a href="{{BASE}}/{{CN_ID}}">{{NUMBER}}</a></small>{{/CREDITED}}</td><td class="num" data-label="VAT rate">{{RATE}}</td><td class="num" data-label="VAT">{{VAT}}</td><td class="num{{#NEGATIVE}} negative{{/NEGATIVE}}" data-label="Net ()">{{NET}}</td><td class="act noprint" data-label="Actions">{{#REMOVABLE}}<form method="post" action="{{BASE}}/{{ID}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="remove_line"><input type="hidden" name="version" value="{{VERSION}}"><input type="hidden" name="line" value="{{LINE_ID}}"><button type="submit" class="small">Remove<span class="sr"> line: {{DESC}}</span></button></form>{{/REMOVABLE}}{{#CREDITABLE}}<label class="check"><input type="checkbox" name="line" value="{{LINE_ID}}" form="credit-form"> Credit<span class="sr"> line: {{DESC}}</span></label>{{/CREDITABLE}}</td></tr>
{{/LINE}}{{#NO_LINES}}<tr><td colspan="5" class="muted">No lines yet.</td></tr>
{{/NO_LINES}}</tbody>
</table>
<div class="inv-foot">
<table class="grid vat-summary">
<caption>VAT summary</caption>
<thead><tr><th scope="col">Rate</th><th scope="col" class="num">Net</th><th scope="col" class="num">VAT</th></tr></thead>
<tbody>{{#RATE_SUM}}<tr><td data-label="Rate">{{RATE}}</td><td class="num" data-label="Net">{{NET}}</td><td class="num" data-label="VAT">{{VAT}}</td></tr>{{/RATE_SUM}}</tbody>
</table>
<dl class="totals">
<dt>Net</dt><dd class="total-net">{{NET}}</dd>
<dt>VAT</dt><dd class="total-vat">{{VAT}}</dd>
<dt>Total</dt><dd class="total-gross">{{GROSS}}</dd>
</dl>
</div>
{{#PAYMENT}}<section class="pay-by"><h3>How to pay</h3><p>{{#PAY_LINE}}{{LINE}}<br>{{/PAY_LINE}}</p>{{#QUOTE}}<p>Please quote {{NUMBER}} with your payment.</p>{{/QUOTE}}</section>{{/PAYMENT}}
</article>
