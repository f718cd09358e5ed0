namespace Comptoir.Features.Conversations;

/// <summary>What channels and statuses are called in the UI; the French label is the key of its translation.</summary>
public static class ConversationLabels
{
    public static string Of(Channel channel) => channel switch
    {
        Channel.Phone => "Téléphone",
        Channel.Email => "E-mail",
        Channel.Sms => "SMS",
        Channel.Social => "Réseaux sociaux",
        Channel.Letter => "Courrier",
        Channel.WebForm => "Formulaire web",
        Channel.CheckoutNotebook => "Carnet de caisse",
        _ => channel.ToString(),
    };

    public static string Of(ConversationStatus status) => status switch
    {
        ConversationStatus.New => "En attente",
        ConversationStatus.Open => "En cours",
        ConversationStatus.WaitingForCustomer => "Attente client",
        ConversationStatus.Closed => "Close",
        _ => status.ToString(),
    };
}
