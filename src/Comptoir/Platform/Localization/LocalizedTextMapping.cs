using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comptoir.Platform.Localization;

public static class LocalizedTextMapping
{
    /// <summary>Maps a <see cref="LocalizedText"/> as two columns, <c>Name_Fr</c> and <c>Name_En</c>.</summary>
    public static void HasLocalizedText<TEntity>(
        this EntityTypeBuilder<TEntity> builder,
        System.Linq.Expressions.Expression<Func<TEntity, LocalizedText?>> property,
        int maxLength = 100)
        where TEntity : class =>
        builder.ComplexProperty(property, text =>
        {
            text.Property(t => t.Fr).HasMaxLength(maxLength);
            text.Property(t => t.En).HasMaxLength(maxLength);
        });
}
