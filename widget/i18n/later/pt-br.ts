import type { LaterStrings } from '../en.ts';

/** The messages only the later screens say; they load with those screens. */
export const ptBRLater: LaterStrings = {
  codeHeading: 'Digite o código',
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

  trustBrowser:
    '{days, plural, one {Confiar neste navegador por # dia} many {Confiar neste navegador por # de dias} other {Confiar neste navegador por # dias}}',
  recoveryHeadingChallenge: 'Entrar com um código de recuperação',

  'error.required_code': 'Digite o código.',
  'error.required_saved': 'Marque a caixa depois de guardar seus códigos de recuperação.',
  'limit.per-number': 'Foram enviados códigos demais para este número recentemente.',
  'limit.per-prefix': 'Foram enviados códigos demais para números parecidos com este recentemente.',
  'limit.per-country': 'Foram enviados códigos demais para este país recentemente.',
  'limit.per-user': 'Foram enviados códigos demais para a sua conta recentemente.',
  'limit.per-ip': 'Foram pedidos códigos demais a partir da sua rede recentemente.',
  'limit.daily-budget': 'Este site não pode enviar mais SMS hoje.',
  'limit.resend-wait': 'Um código acabou de ser enviado.',

  manageOnSince: 'Ativada desde {date}.',
  methodsHeading: 'Métodos de login',
  smsMethod: 'SMS',
  appMethod: 'App autenticador',
  appAddedOn: 'Adicionado em {date}',
  notSetUp: 'Não configurado',
  change: 'Alterar',
  remove: 'Remover',
  add: 'Adicionar',
  askedFirst: 'Pedido primeiro',
  recoveryLeft: '{count, plural, one {# restante} many {# restantes} other {# restantes}}',
  view: 'Ver',
  replace: 'Substituir',
  browsersCount:
    '{count, plural, =0 {Nenhum} one {# navegador} many {# navegadores} other {# navegadores}}',
  manageBrowsers: 'Gerenciar',
  moreHeading: 'Recuperação e navegadores',
  methodRemoved: 'Removido: {method}.',
  methodAdded: 'Adicionado: {method}.',
  preferredChanged: 'Pedido primeiro no login: {method}.',
  methodChoiceHeading: 'Como você quer receber seus códigos?',
  smsMethodHint: 'Enviamos um código por SMS para o seu celular.',
  appMethodHint: 'Um app no seu celular gera os códigos, mesmo sem sinal.',
  appHeading: 'Configure seu app autenticador',
  appScanText:
    'Escaneie este QR code com um app autenticador, como Google Authenticator, Microsoft Authenticator ou 1Password.',
  appQrLabel: 'QR code para o seu app autenticador',
  appKeyText: 'Ou digite esta chave no app:',
  openInApp: 'Abrir no app autenticador',
  appCodeText: 'Depois, digite o código de 6 dígitos que o app mostra.',
  appDoneText: 'A partir de agora, o login pede um código do seu app autenticador.',
  stepUpAppText: 'Digite o código do seu app autenticador.',
  challengeAppHeading: 'Abra seu app autenticador',
  useAppInstead: 'Usar seu app autenticador',
  useAnotherMethod: 'Usar outro método',
  'error.last_method':
    'Este é o seu único método. Para deixar de usá-lo, desative a autenticação de dois fatores.',
  'error.method_not_allowed': 'Este site não permite esse método.',
};
