import type { EmailWording } from '../wording.ts';

export const ptBR: EmailWording = {
  direction: 'ltr',
  footer: (tenant) => `Esta é uma mensagem automática de segurança de ${tenant}.`,
  code: {
    purposes: {
      'sign-in': {
        subject: (tenant) => `Seu código de acesso para ${tenant}`,
        heading: 'Seu código de acesso',
        intro: (tenant) => `Digite este código para concluir o login em ${tenant}:`,
        ifNotYou:
          'Se você não tentou entrar, pode ignorar este e-mail, mas alguém pode saber sua senha: troque-a agora.',
      },
      'verify-email': {
        subject: (tenant) => `Confirme seu e-mail para ${tenant}`,
        heading: 'Confirme seu endereço de e-mail',
        intro: (tenant) => `Digite este código para confirmar seu endereço de e-mail em ${tenant}:`,
        ifNotYou: 'Se você não pediu isso, pode ignorar este e-mail.',
      },
    },
    expires: (duration) => `Este código expira em ${duration}.`,
    doNotShare: 'Não o compartilhe com ninguém.',
  },
  notification: {
    events: {
      'two_factor.enabled': {
        subject: (t) => `Autenticação de dois fatores ativada na sua conta ${t}`,
        heading: 'Autenticação de dois fatores ativada',
        happened: (t) => `A autenticação de dois fatores foi ativada na sua conta ${t}.`,
        phone: (p) => `Os códigos de acesso serão enviados para ${p}.`,
      },
      'two_factor.disabled': {
        subject: (t) => `Autenticação de dois fatores desativada na sua conta ${t}`,
        heading: 'Autenticação de dois fatores desativada',
        happened: (t) =>
          `A autenticação de dois fatores foi desativada na sua conta ${t}. Agora, para entrar, basta a sua senha.`,
      },
      'phone.changed': {
        subject: (t) => `O número de celular da sua conta ${t} foi alterado`,
        heading: 'Número de celular alterado',
        happened: (t) =>
          `O número de celular que recebe seus códigos de acesso a ${t} foi alterado.`,
        phone: (p) => `A partir de agora, os códigos serão enviados para ${p}.`,
      },
      'recovery_code.used': {
        subject: (t) => `Um código de recuperação foi usado na sua conta ${t}`,
        heading: 'Código de recuperação usado',
        happened: (t) =>
          `Um dos seus códigos de recuperação foi usado para entrar na sua conta ${t} ou para confirmar uma alteração nela. Ele não pode ser usado de novo.`,
      },
      'recovery_codes.viewed': {
        subject: (t) => `Seus códigos de recuperação de ${t} foram visualizados`,
        heading: 'Códigos de recuperação visualizados',
        happened: (t) =>
          `Seus códigos de recuperação de ${t} foram exibidos nas configurações da sua conta.`,
      },
      'recovery_codes.regenerated': {
        subject: (t) => `Novos códigos de recuperação para sua conta ${t}`,
        heading: 'Novos códigos de recuperação criados',
        happened: (t) =>
          `Novos códigos de recuperação foram criados para sua conta ${t}. Os códigos antigos não funcionam mais.`,
      },
      'browser.trusted': {
        subject: (t) => `Novo navegador confiável na sua conta ${t}`,
        heading: 'Novo navegador confiável',
        happened: (t) =>
          `Um navegador foi adicionado aos seus navegadores confiáveis em ${t}. Por um tempo, não vamos pedir código quando você entrar por ele.`,
      },
      'totp.added': {
        subject: (t) => `Um aplicativo autenticador foi adicionado à sua conta ${t}`,
        heading: 'Aplicativo autenticador adicionado',
        happened: (t) =>
          `Um aplicativo autenticador foi configurado para gerar os códigos de login da sua conta ${t}.`,
      },
      'totp.removed': {
        subject: (t) => `O aplicativo autenticador foi removido da sua conta ${t}`,
        heading: 'Aplicativo autenticador removido',
        happened: (t) =>
          `O aplicativo autenticador foi removido da sua conta ${t}. Ele não gera mais códigos de login.`,
      },
      'phone.added': {
        subject: (t) => `Um número de telefone foi adicionado à sua conta ${t}`,
        heading: 'Número de telefone adicionado',
        happened: (t) =>
          `Um número de telefone foi adicionado para receber os códigos de login da sua conta ${t}.`,
        phone: (p) => `Agora os códigos podem ser enviados para ${p}.`,
      },
      'phone.removed': {
        subject: (t) => `O número de telefone foi removido da sua conta ${t}`,
        heading: 'Número de telefone removido',
        happened: (t) =>
          `O número de telefone foi removido da sua conta ${t}. Ele não recebe mais códigos de login.`,
      },
    },
    when: 'Quando:',
    browser: 'Navegador:',
    unknownBrowser: 'Navegador desconhecido',
    ifYou: 'Se foi você, não precisa fazer mais nada.',
    ifNotYou: (t) =>
      `Se não foi você, entre em ${t} agora, troque sua senha e revise as configurações da autenticação de dois fatores. Se não conseguir entrar, fale com o suporte de ${t}.`,
  },
};
