namespace Comptoir.Features.Channels;

/// <summary>Shared secrets and defaults of the webhook channels, under configuration section <c>Channels</c>.</summary>
public sealed class ChannelOptions
{
    public WebhookChannel Sms { get; set; } = new() { DefaultActivity = "ECOMMERCE" };

    public WebhookChannel Social { get; set; } = new() { DefaultActivity = "ECOMMERCE" };

    public WebhookChannel Phone { get; set; } = new() { DefaultActivity = "SWITCHBOARD" };

    /// <summary>Largest webhook body accepted.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    public sealed class WebhookChannel
    {
        /// <summary>The shared secret requests are signed with; the channel refuses everything while it is empty.</summary>
        public string? Secret { get; set; }

        /// <summary>Activity a contact belongs to when the request does not say.</summary>
        public string DefaultActivity { get; set; } = "ECOMMERCE";
    }
}
