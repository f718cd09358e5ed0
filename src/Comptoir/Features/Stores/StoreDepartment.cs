using Comptoir.Features.Organisation;

namespace Comptoir.Features.Stores;

/// <summary>A department as it exists in one store; not every format has every department.</summary>
public sealed class StoreDepartment
{
    public int StoreId { get; set; }

    public int DepartmentId { get; set; }

    public Department? Department { get; set; }
}
