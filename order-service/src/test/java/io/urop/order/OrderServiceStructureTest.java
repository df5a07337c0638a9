package io.urop.order;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

import io.urop.test.structure.ServiceStructure;

@AnalyzeClasses(packages = "io.urop.order", importOptions = ImportOption.DoNotIncludeTests.class)
class OrderServiceStructureTest {

    @ArchTest
    static final ArchTests service = ArchTests.in(ServiceStructure.class);
}
