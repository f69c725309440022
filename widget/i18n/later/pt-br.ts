import type { LaterStrings } from '../en.ts';

/** The messages only the later screens say; they load with those screens. */
export const ptBRLater: LaterStrings = {
  codeHeading: 'Digite o código',
  codeSentTo: 'Enviamos um código para {destination}.',
  codeLabel: 'Código de {length} dígitos',
  verify: 'Verificar',
  resend: 'Reenviar código',
  resendIn: 'Reenviar código em {time}',
  codeResent: 'Um novo código está a caminho.',
  changeNumber: 'Alterar número',
  attemptsRemaining:
    '{count, plural, one {Resta # tentativa.} many {Restam # de tentativas.} other {Restam # tentativas.}}',

  recoveryHeading: 'Guarde seus códigos de recuperação',
  lastCodeUsedHeading: 'Você usou seu último código de recuperação',
  lastCodeUsedText:
    'Para que você ainda possa entrar sem o celular, aqui está uma nova série. Os códigos usados não funcionam mais.',
  recoveryText:
    'Se você perder o celular, cada um destes códigos permite entrar uma vez. Guarde-os fora do celular: em um gerenciador de senhas ou impressos em papel.',
  recoveryCodesLabel: 'Códigos de recuperação',
  recoveryCodeUsed: '{code} (usado)',
  copy: 'Copiar',
  copied: 'Copiado',
  download: 'Baixar .txt',
  print: 'Imprimir',
  savedCheckbox: 'Guardei meus códigos de recuperação',
  recoveryFileTitle: 'Códigos de recuperação para {site}',
  recoveryFileNote: 'Cada código só pode ser usado uma vez.',

  manageHeading: 'Autenticação de dois fatores',
  manageOn: 'Ativada: os códigos são enviados para {phone}.',
  manageSince: 'Desde {date}.',
  changePhone: 'Alterar número de telefone',
  recoveryCodes: 'Códigos de recuperação',
  recoveryRemaining:
    '{count, plural, one {Você tem # código de recuperação não usado.} many {Você tem # de códigos de recuperação não usados.} other {Você tem # códigos de recuperação não usados.}}',
  viewRecoveryCodes: 'Ver códigos de recuperação',
  regenerateRecoveryCodes: 'Gerar novos códigos de recuperação',
  regenerateWarning: 'Seus códigos de recuperação atuais vão deixar de funcionar.',
  trustedBrowsers: 'Navegadores confiáveis',
  disable: 'Desativar a autenticação de dois fatores',

  stepUpHeading: 'Confirme que é você',
  stepUpText: 'Enviamos um código para {phone}.',
  useRecoveryCode: 'Usar um código de recuperação',
  useCodeInstead: 'Usar um código enviado por SMS',
  recoveryCodeLabel: 'Código de recuperação',
  recoveryCodeHint: 'Com ou sem hifens.',

  viewCodesHeading: 'Seus códigos de recuperação',

  browsersHeading: 'Navegadores confiáveis',
  browsersText: 'Estes navegadores não pedem código quando você entra.',
  browsersEmpty: 'Nenhum navegador confiável.',
  browserLastUsed: 'Último uso: {date}',
  thisBrowser: 'Este navegador',
  revoke: 'Deixar de confiar',
  revokeAll: 'Deixar de confiar em todos os navegadores',
  browserRevoked: '{label} não é mais confiável.',

  disableHeading: 'Desativar a autenticação de dois fatores?',
  disableText:
    'Para entrar, bastará a sua senha, e seus códigos de recuperação vão deixar de funcionar.',
  disableConfirm: 'Sim, desativar',

  challengeEmailHeading: 'Confira seu e-mail',
  challengeSmsHeading: 'Confira seu celular',
  verifyEmailHeading: 'Confirme seu e-mail',
  trustBrowser:
    '{days, plural, one {Confiar neste navegador por # dia} many {Confiar neste navegador por # de dias} other {Confiar neste navegador por # dias}}',
  recoveryHeadingChallenge: 'Entrar com um código de recuperação',

  'error.required_code': 'Digite o código.',
  'error.required_saved': 'Marque a caixa depois de guardar seus códigos de recuperação.',
  codeNotSent: 'Não conseguimos enviar um código para você.',
  smsStepNext: 'Em seguida, enviaremos um código por SMS.',
  'limit.per-number': 'Foram enviados códigos demais para este número recentemente.',
  'limit.per-prefix': 'Foram enviados códigos demais para números parecidos com este recentemente.',
  'limit.per-country': 'Foram enviados códigos demais para este país recentemente.',
  'limit.per-user': 'Foram enviados códigos demais para a sua conta recentemente.',
  'limit.per-ip': 'Foram pedidos códigos demais a partir da sua rede recentemente.',
  'limit.daily-budget': 'Este site não pode enviar mais SMS hoje.',
  'limit.resend-wait': 'Um código acabou de ser enviado.',
};
