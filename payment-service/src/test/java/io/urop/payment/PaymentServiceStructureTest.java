package io.urop.payment;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

import io.urop.test.structure.ServiceStructure;

@AnalyzeClasses(packages = "io.urop.payment", importOptions = ImportOption.DoNotIncludeTests.class)
class PaymentServiceStructureTest {

    @ArchTest
    static final ArchTests service = ArchTests.in(ServiceStructure.class);
}
