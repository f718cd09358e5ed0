namespace Comptoir.Platform.Data;

public enum DatabaseProvider
{
    /// <summary>One file on disk; the default, for a laptop, a demo or a small deployment.</summary>
    Sqlite,

    /// <summary>The production database.</summary>
    PostgreSql,
}
