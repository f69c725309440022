import type { EmailWording } from '../wording.ts';

export const es: EmailWording = {
  direction: 'ltr',
  footer: (tenant) => `Este es un mensaje de seguridad automático de ${tenant}.`,
  code: {
    purposes: {
      'sign-in': {
        subject: (tenant) => `Tu código de inicio de sesión para ${tenant}`,
        heading: 'Tu código de inicio de sesión',
        intro: (tenant) => `Introduce este código para terminar de iniciar sesión en ${tenant}:`,
        ifNotYou:
          'Si no has intentado iniciar sesión, puedes ignorar este correo, pero es posible que alguien conozca tu contraseña: cámbiala ahora.',
      },
      'verify-email': {
        subject: (tenant) => `Confirma tu correo electrónico para ${tenant}`,
        heading: 'Confirma tu dirección de correo electrónico',
        intro: (tenant) =>
          `Introduce este código para confirmar tu dirección de correo electrónico en ${tenant}:`,
        ifNotYou: 'Si no lo has solicitado, puedes ignorar este correo.',
      },
    },
    expires: (duration) => `El código caduca en ${duration}.`,
    doNotShare: 'No lo compartas con nadie.',
  },
  notification: {
    events: {
      'two_factor.enabled': {
        subject: (t) => `Autenticación de dos factores activada en tu cuenta de ${t}`,
        heading: 'Autenticación de dos factores activada',
        happened: (t) => `Se ha activado la autenticación de dos factores en tu cuenta de ${t}.`,
        phone: (p) => `Los códigos de inicio de sesión se enviarán al ${p}.`,
      },
      'two_factor.disabled': {
        subject: (t) => `Autenticación de dos factores desactivada en tu cuenta de ${t}`,
        heading: 'Autenticación de dos factores desactivada',
        happened: (t) =>
          `Se ha desactivado la autenticación de dos factores en tu cuenta de ${t}. Ahora solo necesitas tu contraseña para iniciar sesión.`,
      },
      'phone.changed': {
        subject: (t) => `Se ha cambiado el número de teléfono de tu cuenta de ${t}`,
        heading: 'Número de teléfono cambiado',
        happened: (t) =>
          `Se ha cambiado el número de teléfono que recibe tus códigos de inicio de sesión de ${t}.`,
        phone: (p) => `A partir de ahora, los códigos se enviarán al ${p}.`,
      },
      'recovery_code.used': {
        subject: (t) => `Se ha usado un código de recuperación en tu cuenta de ${t}`,
        heading: 'Código de recuperación usado',
        happened: (t) =>
          `Se ha usado uno de tus códigos de recuperación para iniciar sesión en tu cuenta de ${t} o para confirmar un cambio. No se puede volver a usar.`,
      },
      'recovery_codes.viewed': {
        subject: (t) => `Se han consultado tus códigos de recuperación de ${t}`,
        heading: 'Códigos de recuperación consultados',
        happened: (t) =>
          `Tus códigos de recuperación de ${t} se han mostrado en la configuración de tu cuenta.`,
      },
      'recovery_codes.regenerated': {
        subject: (t) => `Nuevos códigos de recuperación para tu cuenta de ${t}`,
        heading: 'Nuevos códigos de recuperación',
        happened: (t) =>
          `Se han creado nuevos códigos de recuperación para tu cuenta de ${t}. Los códigos anteriores ya no funcionan.`,
      },
      'browser.trusted': {
        subject: (t) => `Nuevo navegador de confianza en tu cuenta de ${t}`,
        heading: 'Nuevo navegador de confianza',
        happened: (t) =>
          `Se ha añadido un navegador a tus navegadores de confianza de ${t}. Durante un tiempo, no se te pedirá ningún código al iniciar sesión en él.`,
      },
      'totp.added': {
        subject: (t) => `Se añadió una aplicación de autenticación a tu cuenta de ${t}`,
        heading: 'Aplicación de autenticación añadida',
        happened: (t) =>
          `Se configuró una aplicación de autenticación que genera los códigos de inicio de sesión de tu cuenta de ${t}.`,
      },
      'totp.removed': {
        subject: (t) => `Se quitó la aplicación de autenticación de tu cuenta de ${t}`,
        heading: 'Aplicación de autenticación quitada',
        happened: (t) =>
          `Se quitó la aplicación de autenticación de tu cuenta de ${t}. Ya no genera códigos de inicio de sesión.`,
      },
      'phone.added': {
        subject: (t) => `Se añadió un número de teléfono a tu cuenta de ${t}`,
        heading: 'Número de teléfono añadido',
        happened: (t) =>
          `Se añadió un número de teléfono para recibir los códigos de inicio de sesión de tu cuenta de ${t}.`,
        phone: (p) => `Ahora se pueden enviar códigos al ${p}.`,
      },
      'phone.removed': {
        subject: (t) => `Se quitó el número de teléfono de tu cuenta de ${t}`,
        heading: 'Número de teléfono quitado',
        happened: (t) =>
          `Se quitó el número de teléfono de tu cuenta de ${t}. Ya no recibe códigos de inicio de sesión.`,
      },
    },
    when: 'Fecha:',
    browser: 'Navegador:',
    unknownBrowser: 'Navegador desconocido',
    ifYou: 'Si fuiste tú, no tienes que hacer nada más.',
    ifNotYou: (t) =>
      `Si no fuiste tú, inicia sesión en ${t} ahora mismo, cambia tu contraseña y revisa la configuración de la autenticación de dos factores. Si no puedes iniciar sesión, ponte en contacto con el servicio de asistencia de ${t}.`,
  },
};
