import type { LaterStrings } from '../en.ts';

/** The messages only the later screens say; they load with those screens. */
export const esLater: LaterStrings = {
  codeHeading: 'Escriba el código',
  changeNumber: 'Cambiar el número',
  attemptsRemaining:
    '{count, plural, one {Le queda # intento.} many {Le quedan # de intentos.} other {Le quedan # intentos.}}',

  recoveryHeading: 'Guarde sus códigos de recuperación',
  lastCodeUsedHeading: 'Ha usado su último código de recuperación',
  lastCodeUsedText:
    'Para que pueda seguir iniciando sesión sin su teléfono, aquí tiene una nueva serie. Los códigos usados ya no funcionan.',
  recoveryText:
    'Si pierde su teléfono, cada uno de estos códigos le permite iniciar sesión una vez. Guárdelos en un lugar distinto de su teléfono: en un gestor de contraseñas o en una copia impresa.',
  recoveryCodesLabel: 'Códigos de recuperación',
  recoveryCodeUsed: '{code} (usado)',
  copy: 'Copiar',
  copied: 'Copiado',
  download: 'Descargar .txt',
  print: 'Imprimir',
  savedCheckbox: 'He guardado mis códigos de recuperación',
  recoveryFileTitle: 'Códigos de recuperación de {site}',
  recoveryFileNote: 'Cada código solo se puede usar una vez.',

  manageHeading: 'Autenticación en dos pasos',
  manageOn: 'Activada: los códigos se envían al {phone}.',
  manageSince: 'Desde el {date}.',
  changePhone: 'Cambiar el número de teléfono',
  recoveryCodes: 'Códigos de recuperación',
  recoveryRemaining:
    '{count, plural, one {Le queda # código de recuperación sin usar.} many {Le quedan # de códigos de recuperación sin usar.} other {Le quedan # códigos de recuperación sin usar.}}',
  viewRecoveryCodes: 'Ver los códigos de recuperación',
  regenerateRecoveryCodes: 'Obtener nuevos códigos de recuperación',
  regenerateWarning: 'Sus códigos de recuperación actuales dejarán de funcionar.',
  trustedBrowsers: 'Navegadores de confianza',
  disable: 'Desactivar la autenticación en dos pasos',

  stepUpHeading: 'Confirme que es usted',
  stepUpText: 'Le enviamos un código al {phone}.',
  useRecoveryCode: 'Usar un código de recuperación',
  useCodeInstead: 'Usar un código enviado por SMS',
  recoveryCodeLabel: 'Código de recuperación',
  recoveryCodeHint: 'Con o sin guiones.',

  viewCodesHeading: 'Sus códigos de recuperación',

  browsersHeading: 'Navegadores de confianza',
  browsersText: 'Estos navegadores no le piden un código al iniciar sesión.',
  browsersEmpty: 'No hay navegadores de confianza.',
  browserLastUsed: 'Último uso: {date}',
  thisBrowser: 'Este navegador',
  revoke: 'Dejar de confiar',
  revokeAll: 'Dejar de confiar en todos los navegadores',
  browserRevoked: '{label} ya no es de confianza.',

  disableHeading: '¿Desactivar la autenticación en dos pasos?',
  disableText:
    'Para iniciar sesión solo necesitará su contraseña, y sus códigos de recuperación dejarán de funcionar.',
  disableConfirm: 'Sí, desactivar',

  trustBrowser:
    '{days, plural, one {Confiar en este navegador durante # día} many {Confiar en este navegador durante # de días} other {Confiar en este navegador durante # días}}',
  recoveryHeadingChallenge: 'Iniciar sesión con un código de recuperación',

  'error.required_code': 'Escriba el código.',
  'error.required_saved': 'Marque la casilla cuando haya guardado sus códigos de recuperación.',
  'limit.per-number': 'Se han enviado demasiados códigos a este número últimamente.',
  'limit.per-prefix': 'Se han enviado demasiados códigos a números parecidos a este últimamente.',
  'limit.per-country': 'Se han enviado demasiados códigos a este país últimamente.',
  'limit.per-user': 'Se han enviado demasiados códigos para su cuenta últimamente.',
  'limit.per-ip': 'Se han pedido demasiados códigos desde su red últimamente.',
  'limit.daily-budget': 'Este sitio no puede enviar más SMS hoy.',
  'limit.resend-wait': 'Se acaba de enviar un código.',

  manageOnSince: 'Activada desde el {date}.',
  methodsHeading: 'Métodos de inicio de sesión',
  smsMethod: 'SMS',
  appMethod: 'App de autenticación',
  appAddedOn: 'Añadida el {date}',
  notSetUp: 'Sin configurar',
  change: 'Cambiar',
  remove: 'Quitar',
  add: 'Añadir',
  askedFirst: 'Se pide primero',
  recoveryLeft: '{count, plural, one {Queda #} many {Quedan #} other {Quedan #}}',
  view: 'Ver',
  replace: 'Reemplazar',
  browsersCount:
    '{count, plural, =0 {Ninguno} one {# navegador} many {# navegadores} other {# navegadores}}',
  manageBrowsers: 'Gestionar',
  moreHeading: 'Recuperación y navegadores',
  methodRemoved: 'Quitado: {method}.',
  methodAdded: 'Añadido: {method}.',
  preferredChanged: 'Se pide primero al iniciar sesión: {method}.',
  methodChoiceHeading: '¿Cómo quiere recibir sus códigos?',
  smsMethodHint: 'Le enviamos un código por SMS a su móvil.',
  appMethodHint: 'Una app en su teléfono genera los códigos, incluso sin cobertura.',
  appHeading: 'Configure su app de autenticación',
  appScanText:
    'Escanee este código QR con una app de autenticación, como Google Authenticator, Microsoft Authenticator o 1Password.',
  appQrLabel: 'Código QR para su app de autenticación',
  appKeyText: 'O escriba esta clave en la app:',
  openInApp: 'Abrir en la app de autenticación',
  appCodeText: 'Después, introduzca el código de 6 dígitos que muestra la app.',
  appDoneText: 'A partir de ahora, iniciar sesión pide un código de su app de autenticación.',
  stepUpAppText: 'Introduzca el código de su app de autenticación.',
  challengeAppHeading: 'Abra su app de autenticación',
  useAppInstead: 'Usar su app de autenticación',
  useAnotherMethod: 'Usar otro método',
  'error.last_method':
    'Es su único método. Para dejar de usarlo, desactive la autenticación en dos pasos.',
  'error.method_not_allowed': 'Este sitio no permite ese método.',
};
