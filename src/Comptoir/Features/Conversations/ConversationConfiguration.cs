using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comptoir.Features.Conversations;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(12);
        builder.Property(c => c.Owner).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Subject).HasMaxLength(300);
        builder.Property(c => c.Language).HasMaxLength(8);
        builder.Property(c => c.CloseReason).HasMaxLength(100);
        builder.Property(c => c.ThreadKey).HasMaxLength(300);
        builder.Property(c => c.ContactIdentity).HasMaxLength(260);

        // "Next conversation": a queue's waiting work read in order of urgency straight from the index. Only
        // waiting items are indexed: PostgreSQL reads an index in order after equalities only, not after
        // "AssignedToId IS NULL", so with that column in the key it sorted every waiting item of the queue.
        builder.HasIndex(c => new { c.QueueId, c.Owner, c.Priority, c.FirstResponseDueAt, c.Id })
            .IsDescending(false, false, true, false, false)
            .HasFilter("\"Status\" = 'New' AND \"AssignedToId\" IS NULL")
            .HasDatabaseName("IX_Conversations_Waiting");
        builder.HasIndex(c => new { c.AssignedToId, c.Status });
        builder.HasIndex(c => new { c.CustomerId, c.LastActivityAt });
        builder.HasIndex(c => new { c.StoreId, c.Status });
        builder.HasIndex(c => new { c.Status, c.FirstResponseDueAt });
        builder.HasIndex(c => new { c.Status, c.ResolutionDueAt });
        builder.HasIndex(c => c.CreatedAt);
        builder.HasIndex(c => c.ThreadKey);
        builder.HasIndex(c => new { c.ContactIdentity, c.LastActivityAt });
        // Verbatims of a cause in a window, and re-flagging the open work of a cause that enters the top 5.
        builder.HasIndex(c => new { c.CauseId, c.CreatedAt });
        builder.HasOne<Causes.Cause>().WithMany().HasForeignKey(c => c.CauseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Messages).WithOne().HasForeignKey(m => m.ConversationId);
        builder.HasOne(c => c.Customer).WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.Property(m => m.Direction).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Delivery).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.ExternalId).HasMaxLength(300);
        builder.Property(m => m.InReplyTo).HasMaxLength(300);
        builder.Property(m => m.From).HasMaxLength(300);
        builder.Property(m => m.To).HasMaxLength(300);
        builder.Property(m => m.ReplyTo).HasMaxLength(300);
        builder.Property(m => m.GivenIdentities).HasMaxLength(1000);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.DeliveryError).HasMaxLength(500);

        // A message a channel delivers twice is stored once; the id comes first because duplicates and
        // threading look messages up by it. NULLs (notes, answers) never collide.
        builder.HasIndex(m => new { m.ExternalId, m.Channel }).IsUnique();
        builder.HasIndex(m => new { m.ConversationId, m.At });
        builder.HasIndex(m => new { m.Delivery, m.NextDeliveryAttemptAt });

        // Automatic messages per recipient, for the cap that stops robots answering each other.
        builder.HasIndex(m => new { m.To, m.At }).HasFilter("\"IsAutomatic\"").HasDatabaseName("IX_Messages_AutomaticByRecipient");
        builder.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.MessageId);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(260);
        builder.Property(a => a.ContentType).HasMaxLength(120);
    }
}

internal sealed class RawInboundConfiguration : IEntityTypeConfiguration<RawInbound>
{
    public void Configure(EntityTypeBuilder<RawInbound> builder)
    {
        builder.Property(r => r.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(r => r.Source).HasMaxLength(300);
        builder.Property(r => r.ExternalId).HasMaxLength(300);
        builder.Property(r => r.Reason).HasMaxLength(1000);
        builder.HasIndex(r => new { r.Status, r.ReceivedAt });
        builder.HasIndex(r => new { r.Channel, r.ExternalId });
    }
}

internal sealed class AnswerTemplateConfiguration : IEntityTypeConfiguration<AnswerTemplate>
{
    public void Configure(EntityTypeBuilder<AnswerTemplate> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(120);
        builder.Property(t => t.Language).HasMaxLength(8);
        builder.Property(t => t.Body).HasMaxLength(4000);
    }
}
