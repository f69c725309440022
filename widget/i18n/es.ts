import type { FirstStrings } from './en.ts';

export const es: FirstStrings = {
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
  countryChoose: 'Elija un país',
  countryNotAccepted: '{country}: país no aceptado aquí. Países aceptados: {accepted}',
  countryRequired: 'Elija el país de su número.',
  phoneLabel: 'Número de teléfono',
  sendCode: 'Enviar código',
  sendCodeIn: 'Enviar código en {time}',

  doneHeading: 'La autenticación en dos pasos está activada',
  doneText: 'A partir de ahora, al iniciar sesión se le pedirá un código que se envía al {phone}.',

  disabledHeading: 'La autenticación en dos pasos está desactivada',
  disabledText: 'Puede volver a activarla en cualquier momento.',

  phoneChangedHeading: 'Número de teléfono actualizado',
  phoneChangedText: 'Ahora los códigos se envían al {phone}.',

  signedInHeading: 'Sesión iniciada',
  emailConfirmedHeading: 'Correo electrónico confirmado',

  expiredHeading: 'Esta página ha expirado',
  expiredText: 'Vuelva a cargar la página para empezar de nuevo.',
  reloadPage: 'Recargar la página',
  lockedHeading: 'Demasiados códigos incorrectos',
  lockedUntil: 'Por su seguridad, los códigos están bloqueados hasta {time}.',
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
  codeTriesUsed: 'Era el último intento con este código. Solicite un código nuevo.',
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
  'error.required_phone': 'Escriba su número de teléfono.',

  codeSentTo: 'Le enviamos un código a {destination}.',
  codeLabel: 'Código de {length} dígitos',
  verify: 'Verificar',
  resend: 'Reenviar el código',
  resendIn: 'Reenviar el código en {time}',
  codeResent: 'Le estamos enviando un código nuevo.',
  challengeEmailHeading: 'Revise su correo electrónico',
  challengeSmsHeading: 'Revise su teléfono',
  verifyEmailHeading: 'Confirme su correo electrónico',
  codeNotSent: 'No hemos podido enviarle un código.',
  smsStepNext: 'Después, le enviaremos un código por SMS.',
};
