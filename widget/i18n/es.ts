import type { Strings } from './en.ts';

export const es: Strings = {
  loading: 'Cargando…',
  continue: 'Continuar',
  cancel: 'Cancelar',
  back: 'Atrás',
  tryAgain: 'Volver a intentarlo',
  done: 'Listo',

  introHeading: 'Autenticación en dos pasos',
  introText:
    'Añada un segundo paso al iniciar sesión: un código que se envía a su teléfono, para que una contraseña robada no sea suficiente.',
  introStart: 'Activar la autenticación en dos pasos',

  phoneHeading: 'Su número de teléfono móvil',
  phoneText: 'Le enviaremos un código de 6 dígitos por SMS a este número.',
  changePhoneHeading: 'Su nuevo número de teléfono',
  countryLabel: 'Código de país',
  countrySearch: 'Buscar por país, código o prefijo',
  countryNoMatch: 'Ningún país coincide',
  phoneLabel: 'Número de teléfono',
  sendCode: 'Enviar código',

  codeHeading: 'Escriba el código',
  codeSentTo: 'Le enviamos un código a {destination}.',
  codeLabel: 'Código de {length} dígitos',
  verify: 'Verificar',
  resend: 'Reenviar el código',
  resendIn: 'Reenviar el código en {time}',
  codeResent: 'Le estamos enviando un código nuevo.',
  changeNumber: 'Cambiar el número',
  attemptsRemaining:
    '{count, plural, one {Le queda # intento.} many {Le quedan # de intentos.} other {Le quedan # intentos.}}',

  recoveryHeading: 'Guarde sus códigos de recuperación',
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

  doneHeading: 'La autenticación en dos pasos está activada',
  doneText: 'A partir de ahora, al iniciar sesión se le pedirá un código que se envía al {phone}.',

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
  disabledHeading: 'La autenticación en dos pasos está desactivada',
  disabledText: 'Puede volver a activarla en cualquier momento.',

  phoneChangedHeading: 'Número de teléfono actualizado',
  phoneChangedText: 'Ahora los códigos se envían al {phone}.',

  challengeEmailHeading: 'Revise su correo electrónico',
  challengeSmsHeading: 'Revise su teléfono',
  verifyEmailHeading: 'Confirme su correo electrónico',
  trustBrowser:
    '{days, plural, one {Confiar en este navegador durante # día} many {Confiar en este navegador durante # de días} other {Confiar en este navegador durante # días}}',
  recoveryHeadingChallenge: 'Iniciar sesión con un código de recuperación',
  signedInHeading: 'Sesión iniciada',
  emailConfirmedHeading: 'Correo electrónico confirmado',

  expiredHeading: 'Esta página ha expirado',
  expiredText: 'Vuelva a cargar la página para empezar de nuevo.',
  lockedHeading: 'Demasiados códigos incorrectos',
  lockedUntil: 'Por su seguridad, los códigos están bloqueados hasta {time}.',
  rateLimitedUntil: 'Espere hasta {time} antes de volver a intentarlo.',
  networkHeading: 'No se puede conectar con el servidor',
  networkText: 'Revise su conexión y vuelva a intentarlo.',
  errorHeading: 'Algo salió mal',

  'error.invalid_request':
    'La solicitud no es válida. Vuelva a cargar la página e inténtelo de nuevo.',
  'error.unauthorized': 'Esta página ha expirado. Vuelva a cargarla para empezar de nuevo.',
  'error.session_expired': 'Esta página ha expirado. Vuelva a cargarla para empezar de nuevo.',
  'error.step_up_required': 'Primero confirme que es usted con un código nuevo.',
  'error.origin_not_allowed':
    'Este sitio no tiene permiso para usar la autenticación en dos pasos.',
  'error.wrong_purpose': 'Esta página no permite hacer eso.',
  'error.not_found': 'No se encontró. Es posible que ya no exista.',
  'error.already_enabled': 'La autenticación en dos pasos ya está activada.',
  'error.not_enabled': 'La autenticación en dos pasos no está activada.',
  'error.code_expired': 'Este código ha expirado. Solicite uno nuevo.',
  'error.invalid_code': 'El código no es correcto.',
  'error.invalid_phone':
    'Este número de teléfono no es válido. Revise el número y el código de país.',
  'error.country_not_allowed': 'Aquí no se pueden usar números de este país.',
  'error.phone_type_not_allowed':
    'Este número no puede recibir SMS. Use un número de teléfono móvil.',
  'error.locked': 'Demasiados códigos incorrectos. Vuelva a intentarlo más tarde.',
  'error.rate_limited': 'Demasiados intentos. Vuelva a intentarlo más tarde.',
  'error.internal_error': 'Algo salió mal por nuestra parte. Vuelva a intentarlo.',
  'error.delivery_failed': 'No se pudo enviar el mensaje. Vuelva a intentarlo.',
  'error.unavailable': 'El servicio no está disponible. Vuelva a intentarlo en unos momentos.',
  'error.already_verified': 'Este código ya se ha usado. Recarga la página para continuar.',
  'error.phone_replaced': 'Este número ha cambiado mientras tanto. Vuelve a introducirlo.',
  'error.code_replaced': 'Se ha enviado un código más reciente. Introduce el del último mensaje.',
  'error.recovery_code_used': 'Este código de recuperación ya se ha usado. Prueba con otro.',
  'error.network_error':
    'No se puede conectar con el servidor. Revise su conexión y vuelva a intentarlo.',
  'error.required_code': 'Escriba el código.',
  'error.required_phone': 'Escriba su número de teléfono.',
  'error.required_saved': 'Marque la casilla cuando haya guardado sus códigos de recuperación.',
};
