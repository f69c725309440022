// The elements in Arabic, in Chromium, on an Arabic partner page: each screen reads right to left
// (checked on the layout, not only the `dir` attribute) with numbers and codes left to right, and
// is saved to docs/screenshots/ar-*.png for the docs.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, VIEWPORT } from './support/browser.ts';
import { codeField, elementHeading, tickWithKeyboard, typeInto } from './support/clinic.ts';
import { type E2eStack, startE2eStack } from './support/e2e-stack.ts';
import { codeFor, outboxMark } from './support/outbox.ts';
import { screenshot } from './support/screenshots.ts';

const PHONE = { national: '01001234567', e164: '+201001234567' };
const EMAIL = 'salma.hassan@example.com';

/** An Arabic partner page holding one element, written into a page of the demo's origin (the tenant's). */
function partnerPage(serverUrl: string, element: string) {
  return `<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>إعدادات الأمان</title>
<script type="module" src="${serverUrl}/widget/two-factor.js"></script>
<style>body { margin: 2rem; font-family: system-ui, sans-serif; }</style>
</head>
<body>
<h1>إعدادات الأمان</h1>
${element}
</body>
</html>`;
}

/** Where a box sits in the element: how far its right edge is from the element's right edge. */
async function gapFromRight(box: Locator, element: Locator) {
  const [inner, outer] = await Promise.all([box.boundingBox(), element.boundingBox()]);
  assert.ok(inner && outer);
  return outer.x + outer.width - (inner.x + inner.width);
}

/** The heading starts at the element's right: the screen reads right to left. */
async function expectRightToLeft(page: Page, element: Locator, heading: string) {
  const title = await elementHeading(page, heading);
  const base = element.locator('[part~="base"]');
  assert.equal(await base.getAttribute('dir'), 'rtl');
  assert.equal(await base.evaluate((node) => getComputedStyle(node).direction), 'rtl');
  const [text, box] = await Promise.all([
    title.evaluate((node) => {
      const range = document.createRange();
      range.selectNodeContents(node);
      const { left, right } = range.getBoundingClientRect();
      return { left, right };
    }),
    base.boundingBox(),
  ]);
  assert.ok(box);
  const rightGap = box.x + box.width - text.right;
  const leftGap = text.left - box.x;
  assert.ok(rightGap < leftGap, `"${heading}" starts on the right (${rightGap} < ${leftGap})`);
}

describe('the elements in Arabic', { timeout: 180_000 }, () => {
  let stack: E2eStack;
  let browser: Browser;
  let page: Page;

  async function mint(body: Record<string, unknown>) {
    const response = await fetch(`${stack.serverUrl}/v1/sessions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${stack.tenant.secretKey}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ ...body, locale: 'ar' }),
    });
    assert.equal(response.status, 201);
    return ((await response.json()) as { token: string }).token;
  }

  async function open(tag: string, token: string) {
    // A page the demo served first: the partner page keeps its origin and its loopback address.
    await page.goto(stack.demoUrl);
    await page.setContent(
      partnerPage(
        stack.serverUrl,
        `<${tag} server="${stack.serverUrl}" token="${token}"></${tag}>`,
      ),
    );
    return page.locator(tag);
  }

  before(async () => {
    [stack, browser] = await Promise.all([startE2eStack(), launchChromium()]);
    const context = await browser.newContext({
      viewport: VIEWPORT,
      locale: 'ar-EG',
      timezoneId: 'UTC',
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });

  after(async () => {
    await browser?.close();
    await stack?.close();
  });

  test('setup, from the first screen to the management screen', async () => {
    const element = await open(
      'two-factor-setup',
      await mint({ userId: 'salma', purpose: 'setup' }),
    );
    await expectRightToLeft(page, element, 'المصادقة الثنائية');
    await screenshot(page, 'ar-setup-intro');

    await element.getByRole('button', { name: 'تفعيل المصادقة الثنائية' }).click();
    await element.getByRole('button', { name: /^رسالة نصية/ }).click();
    await expectRightToLeft(page, element, 'رقم هاتفك المحمول');
    const country = element.getByRole('combobox', { name: 'رمز البلد' });
    await typeInto(country, '20');
    const egypt = element.getByRole('option', { name: /مصر/ }).first();
    await egypt.waitFor();
    // The list opens from the right, the flag at the start of the option, `+20` kept as written.
    const listbox = element.locator('[part~="listbox"]');
    assert.ok((await gapFromRight(listbox, element)) < (await gapFromRight(country, element)) + 2);
    const flag = egypt.locator('[part~="flag"]');
    const dial = egypt.locator('[part~="dial-code"]');
    assert.ok((await gapFromRight(flag, element)) < (await gapFromRight(dial, element)));
    assert.equal((await dial.textContent())?.trim(), '+20');
    await screenshot(page, 'ar-setup-country-picker');
    await page.keyboard.press('Enter');
    // Closed, the name in the field and the whole dial code beside it, `+20` as written.
    assert.equal(await country.inputValue(), 'مصر');
    const chosenDial = element.locator('.selected-dial-code');
    assert.equal((await chosenDial.textContent())?.trim(), '+20');
    const digits = chosenDial.locator('bdi');
    assert.equal(await digits.evaluate((node) => getComputedStyle(node).direction), 'ltr');
    // At the field's end (the left in Arabic), clear of the flag at its start.
    const dialGap = await gapFromRight(chosenDial, element);
    const fieldGap = await gapFromRight(country, element);
    assert.ok(
      dialGap > fieldGap + 100,
      `dial code ${dialGap} px from the right, field ${fieldGap}`,
    );

    const number = element.getByRole('textbox', { name: 'رقم الهاتف' });
    await typeInto(number, PHONE.national);
    assert.equal(await number.evaluate((node) => getComputedStyle(node).direction), 'ltr');
    assert.ok((await gapFromRight(country, element)) < (await gapFromRight(number, element)));
    await screenshot(page, 'ar-setup-phone');
    const mark = await outboxMark(stack.serverUrl);
    await element.getByRole('button', { name: 'إرسال الرمز' }).click();

    await expectRightToLeft(page, element, 'أدخِل الرمز');
    assert.equal(await codeField(page).evaluate((node) => getComputedStyle(node).direction), 'ltr');
    await screenshot(page, 'ar-setup-code');
    await typeInto(codeField(page), await codeFor(stack.serverUrl, PHONE.e164, mark));

    await expectRightToLeft(page, element, 'احفظ رموز الاسترداد');
    const code = element.locator('[part~="recovery-code"]').first();
    assert.match((await code.textContent())?.trim() ?? '', /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    assert.equal(await code.evaluate((node) => getComputedStyle(node).direction), 'ltr');
    await screenshot(page, 'ar-setup-recovery-codes');
    await tickWithKeyboard(element.getByRole('checkbox', { name: 'حفظتُ رموز الاسترداد' }));
    await element.getByRole('button', { name: 'متابعة' }).click();
    await expectRightToLeft(page, element, 'تم تفعيل المصادقة الثنائية');

    await open('two-factor-setup', await mint({ userId: 'salma', purpose: 'setup' }));
    await expectRightToLeft(page, element, 'المصادقة الثنائية');
    // The masked number is isolated (left to right), so `+20` stays in front of its digits.
    const phone = element.locator('[part~="masked-phone"]');
    assert.match((await phone.textContent()) ?? '', /^\+20 /);
    assert.equal(await phone.evaluate((node) => getComputedStyle(node).unicodeBidi), 'isolate');
    // Where `+` and the number's last digit are drawn (inline code: the page gets it as source).
    const [plus = Number.NaN, last = Number.NaN] = await element
      .locator('[part~="masked-phone"]')
      .evaluate((node) => {
        const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
        for (let text = walker.nextNode(); text; text = walker.nextNode()) {
          const value = text.textContent ?? '';
          if (!value.includes('+20')) continue;
          return [value.indexOf('+20'), value.search(/\d\D*$/)].map((index) => {
            const range = document.createRange();
            range.setStart(text, index);
            range.setEnd(text, index + 1);
            return range.getBoundingClientRect().left;
          });
        }
        return [];
      });
    assert.ok(plus < last, `+20 is drawn before the last digits (${plus} < ${last})`);
    await screenshot(page, 'ar-manage');
  });

  test('sign-in: the email code, then the SMS code with "trust this browser"', async () => {
    const mark = await outboxMark(stack.serverUrl);
    const token = await mint({ userId: 'salma', purpose: 'sign-in', email: EMAIL });
    const element = await open('two-factor-challenge', token);
    await expectRightToLeft(page, element, 'تحقّق من بريدك الإلكتروني');
    await screenshot(page, 'ar-sign-in-email-code');
    await typeInto(codeField(page), await codeFor(stack.serverUrl, EMAIL, mark));
    await expectRightToLeft(page, element, 'تحقّق من هاتفك');
    await element.getByRole('checkbox', { name: /الوثوق بهذا المتصفح/ }).waitFor();
    await screenshot(page, 'ar-sign-in-sms');
  });
});
