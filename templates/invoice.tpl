{{%AUTOESCAPE context="HTML"}}<header class="page-head noprint"><div>
<p class="crumbs"><a href="/invoices">Invoices</a>{{#RUN}} › <a href="/invoices/runs/{{RUN_ID}}">Bill run {{RUN_ID}}</a>{{/RUN}}</p>
<h1>{{TITLE}}</h1>
<p class="sub"><span class="badge {{STATUS_KEY}}">{{STATUS}}</span> <a href="/occupiers/{{OCC_ID}}/billing">{{OCC_NAME}}</a>{{#ISSUED_META}} · issued {{ON}} by {{BY}}{{/ISSUED_META}}{{#EXPORTED}} · exported {{AT}}{{/EXPORTED}}</p>
</div>
<div class="actions"><a class="button" href="/invoices/{{ID}}/pdf">Download PDF</a></div>
</header>
{{#NOTICE}}<p class="flash" role="status">{{TEXT}}</p>{{/NOTICE}}
{{#HAS_ERRORS}}<div class="errors noprint" role="alert" tabindex="-1" id="errors"><p>Nothing was saved:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
{{>DOC}}
{{#DRAFT_OPS}}<div class="two-col noprint inv-ops">
<section class="card">
<h2>Add a one-off line</h2>
<form method="post" action="/invoices/{{ID}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="add_line"><input type="hidden" name="version" value="{{VERSION}}">
<div class="field{{#F_LINE_DESC_INVALID}} invalid{{/F_LINE_DESC_INVALID}}"><label for="f-line_desc">Description</label>
<input id="f-line_desc" name="line_desc" maxlength="200" value="{{F_LINE_DESC}}"{{#F_LINE_DESC_INVALID}} aria-invalid="true" aria-describedby="e-line_desc"{{/F_LINE_DESC_INVALID}}>
{{#F_LINE_DESC_INVALID}}<p class="err" id="e-line_desc">{{F_LINE_DESC_ERR}}</p>{{/F_LINE_DESC_INVALID}}</div>
<div class="row2">
<div class="field{{#F_LINE_QTY_INVALID}} invalid{{/F_LINE_QTY_INVALID}}"><label for="f-line_qty">QTY</label>
<input id="f-line_qty" name="line_qty" inputmode="numeric" size="6" value="{{F_LINE_QTY}}"{{#F_LINE_QTY_INVALID}} aria-invalid="true" aria-describedby="e-line_qty"{{/F_LINE_QTY_INVALID}}>
{{#F_LINE_QTY_INVALID}}<p class="err" id="e-line_qty">{{F_LINE_QTY_ERR}}</p>{{/F_LINE_QTY_INVALID}}</div>
<div class="field{{#F_LINE_PRICE_INVALID}} invalid{{/F_LINE_PRICE_INVALID}}"><label for="f-line_price">Unit price (net)</label>
<input id="f-line_price" name="line_price" inputmode="decimal" size="10" value="{{F_LINE_PRICE}}"{{#F_LINE_PRICE_INVALID}} aria-invalid="true" aria-describedby="e-line_price"{{/F_LINE_PRICE_INVALID}}>
{{#F_LINE_PRICE_INVALID}}<p class="err" id="e-line_price">{{F_LINE_PRICE_ERR}}</p>{{/F_LINE_PRICE_INVALID}}</div>
</div>
<div class="field{{#F_LINE_VAT_INVALID}} invalid{{/F_LINE_VAT_INVALID}}"><label for="f-line_vat">VAT rate</label>
<select id="f-line_vat" name="line_vat">{{#LINE_RATE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LINE_RATE}}</select></div>
<button type="submit">Add line</button>
</form>
<h2>Add a discount</h2>
<form method="post" action="/invoices/{{ID}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="add_discount"><input type="hidden" name="version" value="{{VERSION}}">
<div class="field{{#F_DISC_DESC_INVALID}} invalid{{/F_DISC_DESC_INVALID}}"><label for="f-disc_desc">Description</label>
<input id="f-disc_desc" name="disc_desc" maxlength="200" value="{{F_DISC_DESC}}"{{#F_DISC_DESC_INVALID}} aria-invalid="true" aria-describedby="e-disc_desc"{{/F_DISC_DESC_INVALID}}>
{{#F_DISC_DESC_INVALID}}<p class="err" id="e-disc_desc">{{F_DISC_DESC_ERR}}</p>{{/F_DISC_DESC_INVALID}}</div>
<div class="row2">
<div class="field{{#F_DISC_AMOUNT_INVALID}} invalid{{/F_DISC_AMOUNT_INVALID}}"><label for="f-disc_amount">Amount off (net)</label>
<input id="f-disc_amount" name="disc_amount" inputmode="decimal" size="10" value="{{F_DISC_AMOUNT}}"{{#F_DISC_AMOUNT_INVALID}} aria-invalid="true" aria-describedby="e-disc_amount"{{/F_DISC_AMOUNT_INVALID}}>
{{#F_DISC_AMOUNT_INVALID}}<p class="err" id="e-disc_amount">{{F_DISC_AMOUNT_ERR}}</p>{{/F_DISC_AMOUNT_INVALID}}</div>
<div class="field{{#F_DISC_VAT_INVALID}} invalid{{/F_DISC_VAT_INVALID}}"><label for="f-disc_vat">VAT rate</label>
<select id="f-disc_vat" name="disc_vat">{{#DISC_RATE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/DISC_RATE}}</select></div>
</div>
<button type="submit">Add discount</button>
</form>
</section>
<section class="card">
<h2>Approve</h2>
<p>Approving issues the invoice: it takes the next invoice number, today's date, the due date of the occupier's payment terms, and a copy of the billing details shown. After that it never changes; corrections are credit notes.</p>
<form method="post" action="/invoices/{{ID}}">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="approve"><input type="hidden" name="version" value="{{VERSION}}">
<button type="submit" class="primary">Approve and issue</button>
</form>
<h2>Discard</h2>
<p>A discarded draft is deleted; the next bill run for its month bills its charges again.</p>
<form method="post" action="/invoices/{{ID}}">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="discard"><input type="hidden" name="version" value="{{VERSION}}">
<button type="submit" class="danger">Discard draft</button>
</form>
</section>
</div>{{/DRAFT_OPS}}
{{#ISSUED_OPS}}<div class="two-col noprint inv-ops">
<section class="card">
<h2>Payments</h2>
<dl class="facts"><dt>Total</dt><dd>{{GROSS}}</dd><dt>Credited</dt><dd>{{CREDITED}}</dd><dt>Paid</dt><dd>{{PAID}}</dd><dt>Due</dt><dd class="due">{{DUE}}</dd></dl>
{{#PAYMENT}}<p class="payment">{{DATE}}: {{AMOUNT}}{{#HAS_REF}} ({{REF}}){{/HAS_REF}}, marked by {{BY}}</p>{{/PAYMENT}}
{{#CAN_PAY}}<form method="post" action="/invoices/{{ID}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="payment"><input type="hidden" name="version" value="{{VERSION}}">
<div class="row2">
<div class="field{{#F_PAY_DATE_INVALID}} invalid{{/F_PAY_DATE_INVALID}}"><label for="f-pay_date">Date received</label>
<input id="f-pay_date" name="pay_date" type="date" value="{{F_PAY_DATE}}"{{#F_PAY_DATE_INVALID}} aria-invalid="true" aria-describedby="e-pay_date"{{/F_PAY_DATE_INVALID}}>
{{#F_PAY_DATE_INVALID}}<p class="err" id="e-pay_date">{{F_PAY_DATE_ERR}}</p>{{/F_PAY_DATE_INVALID}}</div>
<div class="field{{#F_PAY_AMOUNT_INVALID}} invalid{{/F_PAY_AMOUNT_INVALID}}"><label for="f-pay_amount">Amount</label>
<input id="f-pay_amount" name="pay_amount" inputmode="decimal" size="10" value="{{F_PAY_AMOUNT}}"{{#F_PAY_AMOUNT_INVALID}} aria-invalid="true" aria-describedby="e-pay_amount"{{/F_PAY_AMOUNT_INVALID}}>
{{#F_PAY_AMOUNT_INVALID}}<p class="err" id="e-pay_amount">{{F_PAY_AMOUNT_ERR}}</p>{{/F_PAY_AMOUNT_INVALID}}</div>
</div>
<div class="field{{#F_PAY_REF_INVALID}} invalid{{/F_PAY_REF_INVALID}}"><label for="f-pay_ref">Bank reference</label>
<input id="f-pay_ref" name="pay_ref" maxlength="100" value="{{F_PAY_REF}}"{{#F_PAY_REF_INVALID}} aria-invalid="true" aria-describedby="e-pay_ref"{{/F_PAY_REF_INVALID}}>
{{#F_PAY_REF_INVALID}}<p class="err" id="e-pay_ref">{{F_PAY_REF_ERR}}</p>{{/F_PAY_REF_INVALID}}</div>
<button type="submit" class="primary">Mark payment</button>
</form>{{/CAN_PAY}}
</section>
<section class="card">
<h2>Credit notes</h2>
{{#CREDIT_NOTE}}<p><a href="/invoices/{{CN_ID}}">{{NUMBER}}</a>, {{DATE}}: {{GROSS}}</p>{{/CREDIT_NOTE}}
{{#CAN_CREDIT}}<p>Tick lines above and credit them, or credit the whole invoice (every line not credited yet). The credit note copies each line's net and VAT, so it reverses them exactly, and is issued at once with its own number.</p>
<form method="post" action="/invoices/{{ID}}" id="credit-form">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<button type="submit" name="op" value="credit">Credit the lines ticked</button>
<button type="submit" name="op" value="credit_all" class="danger">Credit the whole invoice</button>
</form>{{/CAN_CREDIT}}
</section>
</div>{{/ISSUED_OPS}}
