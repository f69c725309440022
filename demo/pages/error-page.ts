import { html } from '../html.ts';

export function errorPage(input: {
  title: string;
  message: string;
  back?: { href: string; label: string };
}) {
  const back = input.back ?? { href: '/', label: 'Go to the home page' };
  return html`<section class="card narrow" aria-labelledby="page-title">
    <h1 id="page-title">${input.title}</h1>
    <p>${input.message}</p>
    <p><a href="${back.href}">${back.label}</a></p>
  </section>`;
}
