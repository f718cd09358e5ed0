namespace Comptoir.Features.Conversations;

/// <summary>How a customer reached the group. Phone is 55 % of contacts, e-mail and SMS 42 %, social 2 %, mail 1 %.</summary>
public enum Channel
{
    Phone,
    Email,
    Sms,
    Social,
    Letter,
    WebForm,
    CheckoutNotebook,
}

public static class ChannelTraits
{
    /// <summary>A voice contact takes the advisor's whole attention; written ones can be handled a few at a time.</summary>
    public static bool IsVoice(this Channel channel) => channel == Channel.Phone;

    /// <summary>Channels on which Comptoir can answer the customer directly.</summary>
    public static bool CanReply(this Channel channel) =>
        channel is Channel.Email or Channel.Sms or Channel.Social or Channel.WebForm;

    /// <summary>A web form is answered by e-mail; other channels answer on themselves.</summary>
    public static Channel ReplyChannel(this Channel channel) => channel == Channel.WebForm ? Channel.Email : channel;
}
