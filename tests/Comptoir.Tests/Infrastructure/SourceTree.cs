namespace Comptoir.Tests.Infrastructure;

/// <summary>The repository the tests were built from, for tests that read the sources themselves.</summary>
public static class SourceTree
{
    public static DirectoryInfo Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Comptoir.slnx")))
            {
                directory = directory.Parent;
            }

            return directory ?? throw new InvalidOperationException("Comptoir.slnx not found above the test binaries.");
        }
    }

    public static string App => Path.Combine(Root.FullName, "src", "Comptoir");
}
