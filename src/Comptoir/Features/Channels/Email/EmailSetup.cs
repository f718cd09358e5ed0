using Comptoir.Features.Conversations.Delivery;
using Comptoir.Features.Staff;

namespace Comptoir.Features.Channels.Email;

public static class EmailSetup
{
    /// <summary>
    /// The e-mail channel: mailboxes read over IMAP in the background, answers sent over SMTP by the outbox
    /// (beside the loopback sender of SMS and social replies), and the administration of mailboxes.
    /// </summary>
    public static WebApplicationBuilder AddEmailChannel(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<EmailOptions>(builder.Configuration.GetSection("Email"));
        services.Configure<FallbackSmtpOptions>(builder.Configuration.GetSection("Outbound:Smtp"));
        services.AddSingleton<MailboxPasswords>();
        services.AddSingleton<ReadMailbox>();
        services.AddSingleton<PollMailboxes>();
        services.AddHostedService(sp => sp.GetRequiredService<PollMailboxes>());
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<IOutboundSender>(sp => sp.GetRequiredService<SmtpEmailSender>());
        services.AddSingleton<Staff.Mail.SendStaffMail>();
        services.AddHostedService(sp => sp.GetRequiredService<Staff.Mail.SendStaffMail>());
        return builder;
    }

    public static WebApplication MapEmailChannel(this WebApplication app)
    {
        var mailboxes = app.MapGroup("/api/mailboxes").WithTags("Mailboxes")
            .RequireAuthorization(policy => policy.RequireRole(StaffRoles.Administrator));
        mailboxes.MapGet("/", ListMailboxes.HandleAsync).WithName("ListMailboxes").WithSummary("Every mailbox with its last reading (administrators); passwords are never returned.");
        mailboxes.MapGet("/{id:int}", GetMailbox.HandleAsync).WithName("GetMailbox");
        mailboxes.MapPost("/", SaveMailbox.CreateAsync).WithName("CreateMailbox").WithSummary("Adds a mailbox to read over IMAP and answer from over SMTP.");
        mailboxes.MapPut("/{id:int}", SaveMailbox.UpdateAsync).WithName("UpdateMailbox").WithSummary("Changes a mailbox; an empty password keeps the stored one.");
        mailboxes.MapPost("/{id:int}/enable", SetMailboxEnabled.EnableAsync).WithName("EnableMailbox");
        mailboxes.MapPost("/{id:int}/disable", SetMailboxEnabled.DisableAsync).WithName("DisableMailbox").WithSummary("Stops reading the mailbox and sending from it.");
        return app;
    }
}
