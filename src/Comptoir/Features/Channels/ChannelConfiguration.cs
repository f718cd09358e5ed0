using Comptoir.Features.Channels.Email;
using Comptoir.Features.Channels.Phone;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comptoir.Features.Channels;

internal sealed class MailboxConfiguration : IEntityTypeConfiguration<Mailbox>
{
    public void Configure(EntityTypeBuilder<Mailbox> builder)
    {
        builder.Property(m => m.Address).HasMaxLength(254);
        builder.HasIndex(m => m.Address).IsUnique();
        builder.Property(m => m.DisplayName).HasMaxLength(120);
        builder.Property(m => m.ImapHost).HasMaxLength(200);
        builder.Property(m => m.ImapUser).HasMaxLength(200);
        builder.Property(m => m.ImapPasswordProtected).HasMaxLength(2000);
        builder.Property(m => m.ImapSecurity).HasConversion<string>().HasMaxLength(14);
        builder.Property(m => m.SmtpHost).HasMaxLength(200);
        builder.Property(m => m.SmtpUser).HasMaxLength(200);
        builder.Property(m => m.SmtpPasswordProtected).HasMaxLength(2000);
        builder.Property(m => m.SmtpSecurity).HasConversion<string>().HasMaxLength(14);
        builder.Property(m => m.LastError).HasMaxLength(1000);
    }
}

internal sealed class CallRecordConfiguration : IEntityTypeConfiguration<CallRecord>
{
    public void Configure(EntityTypeBuilder<CallRecord> builder)
    {
        builder.Property(c => c.ExternalId).HasMaxLength(100);
        builder.HasIndex(c => c.ExternalId).IsUnique();
        builder.Property(c => c.CallerNumber).HasMaxLength(20);
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(10);
        builder.HasIndex(c => c.StartedAt);
    }
}
