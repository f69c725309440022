import type { FirstStrings } from './en.ts';

export const ptBR: FirstStrings = {
  loading: 'Carregando…',
  continue: 'Continuar',
  cancel: 'Cancelar',
  back: 'Voltar',
  tryAgain: 'Tentar novamente',
  done: 'Concluído',

  introHeading: 'Autenticação de dois fatores',
  introText:
    'Adicione uma segunda etapa ao login: um código enviado para o seu celular, para que uma senha roubada não seja suficiente.',
  introStart: 'Ativar a autenticação de dois fatores',

  phoneHeading: 'Seu número de celular',
  phoneText: 'Vamos enviar um código de 6 dígitos por SMS para este número.',
  changePhoneHeading: 'Seu novo número de celular',
  countryLabel: 'Código do país',
  countrySearch: 'Pesquise por país, sigla ou DDI',
  countryNoMatch: 'Nenhum país encontrado',
  countryChoose: 'Escolha um país',
  countryNotAccepted: '{country}: país não aceito aqui. Países aceitos: {accepted}',
  countryRequired: 'Escolha o país do seu número.',
  phoneLabel: 'Número de telefone',
  sendCode: 'Enviar código',
  sendCodeIn: 'Enviar código em {time}',

  doneHeading: 'A autenticação de dois fatores está ativada',
  doneText: 'A partir de agora, ao entrar, vamos pedir um código enviado para {phone}.',

  disabledHeading: 'A autenticação de dois fatores está desativada',
  disabledText: 'Você pode ativá-la de novo quando quiser.',

  phoneChangedHeading: 'Número de telefone alterado',
  phoneChangedText: 'Agora os códigos são enviados para {phone}.',

  signedInHeading: 'Login concluído',
  emailConfirmedHeading: 'E-mail confirmado',

  expiredHeading: 'Esta página expirou',
  expiredText: 'Recarregue a página para começar de novo.',
  reloadPage: 'Recarregar a página',
  lockedHeading: 'Muitos códigos errados',
  lockedUntil: 'Para sua segurança, os códigos estão bloqueados até {time}.',
  networkHeading: 'Não foi possível conectar ao servidor',
  networkText: 'Verifique sua conexão e tente novamente.',
  errorHeading: 'Algo deu errado',

  'error.invalid_request': 'Essa solicitação não é válida. Recarregue a página e tente novamente.',
  'error.unauthorized': 'Esta página expirou. Recarregue-a para começar de novo.',
  'error.session_expired': 'Esta página expirou. Recarregue-a para começar de novo.',
  'error.step_up_required': 'Primeiro, confirme que é você com um novo código.',
  'error.origin_not_allowed':
    'Este site não tem permissão para usar a autenticação de dois fatores.',
  'error.wrong_purpose': 'Não é possível fazer isso nesta página.',
  'error.not_found': 'Não encontrado. Talvez já tenha sido removido.',
  'error.already_enabled': 'A autenticação de dois fatores já está ativada.',
  'error.not_enabled': 'A autenticação de dois fatores não está ativada.',
  'error.code_expired': 'Este código expirou. Peça um novo.',
  'error.invalid_code': 'Esse código não está correto.',
  codeTriesUsed: 'Essa era a última tentativa para este código. Peça um novo código.',
  'error.invalid_phone':
    'Esse número de telefone não é válido. Verifique o número e o código do país.',
  'error.country_not_allowed': 'Números deste país não podem ser usados aqui.',
  'error.phone_type_not_allowed': 'Este número não recebe SMS. Use um número de celular.',
  'error.locked': 'Muitos códigos errados. Tente novamente mais tarde.',
  'error.rate_limited': 'Muitas tentativas. Tente novamente mais tarde.',
  'error.internal_error': 'Algo deu errado do nosso lado. Tente novamente.',
  'error.delivery_failed': 'Não foi possível enviar a mensagem. Tente novamente.',
  'error.unavailable': 'O serviço está indisponível. Tente novamente em instantes.',
  'error.already_verified': 'Este código já foi usado. Recarregue a página para continuar.',
  'error.phone_replaced': 'Este número foi alterado nesse meio-tempo. Digite-o de novo.',
  'error.code_replaced': 'Enviamos um código mais recente. Digite o código da última mensagem.',
  'error.recovery_code_used': 'Este código de recuperação já foi usado. Tente outro.',
  'error.network_error':
    'Não foi possível conectar ao servidor. Verifique sua conexão e tente novamente.',
  'error.required_phone': 'Digite seu número de telefone.',
};
